package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.report.NightlyReport;
import io.vmflow.report.NightlyWriter;
import io.vmflow.store.BundleRetries;
import io.vmflow.store.FindingStore;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.InterruptedRuns;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * {@code vmflow nightly}: analyses every bundle of an inbox not analysed before (by content hash),
 * each as its own job execution, records each VM's state in the history, and writes what changed. A
 * bundle left STARTED by a killed run is analysed again; its job restarts where it stopped.
 */
@Component
public class NightlyRunner {

  private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

  private final AnalyzeLauncher launcher;
  private final HistoryStore history;
  private final FindingStore findings;
  private final StageResultStore results;

  private final InterruptedRuns interrupted;
  private final BundleRetries retries;
  private final Duration settle;

  public NightlyRunner(
      AnalyzeLauncher launcher,
      HistoryStore history,
      FindingStore findings,
      StageResultStore results,
      InterruptedRuns interrupted,
      BundleRetries retries,
      @Value("${vmflow.nightly.settle-seconds:60}") long settleSeconds) {
    this.launcher = launcher;
    this.history = history;
    this.findings = findings;
    this.results = results;
    this.interrupted = interrupted;
    this.retries = retries;
    this.settle = Duration.ofSeconds(settleSeconds);
  }

  /** Result of one nightly invocation. */
  public record NightlyOutcome(
      int processed, int failed, int skipped, NightlyReport report, Path page) {}

  public NightlyOutcome run(Path inbox, Path out, int keep, Severity failOn) throws IOException {
    int repaired = interrupted.repair(Instant.now());
    if (repaired > 0) {
      log.info("closed {} nightly runs left unfinished by a killed process", repaired);
    }
    NightlyIntake.Intake intake = NightlyIntake.scan(inbox, out, settle, Instant.now());
    intake
        .settling()
        .forEach(p -> log.info("{} changed within the last {}: left for the next run", p, settle));
    long runId = history.startRun(Instant.now());
    int processed = 0;
    int failed = 0;
    int skipped = 0;
    for (Path bundle : intake.ready()) {
      String sha = InputFingerprint.sha256(List.of(bundle));
      var known = history.bundle(sha);
      if (known.isPresent() && known.get().status().equals("DONE")) {
        skipped++;
        continue;
      }
      Path dir =
          out.resolve("bundles").resolve(AnalyzeDirs.name(bundle) + "-" + sha.substring(0, 12));
      history.markStarted(
          sha, bundle.getFileName().toString(), runId, out.relativize(dir).toString());
      try {
        AnalyzeOutcome o = launcher.run(List.of(bundle), dir);
        if (!o.completed()) {
          history.markFailed(sha, "job " + o.status());
          failed++;
          continue;
        }
        boolean again = known.isPresent() && known.get().status().equals(BundleRetries.RETRY);
        if (!again && isTruncated(o.instanceId())) {
          // perhaps still being copied: analysed again next run, accepted once it stops changing
          retries.markRetry(sha, "archive ends early; analysed again next run");
          failed++;
          continue;
        }
        record(runId, sha, o.instanceId(), out.relativize(dir));
        processed++;
      } catch (Exception e) {
        log.warn("bundle {} failed: {}", bundle, e.toString());
        history.markFailed(sha, e.toString());
        failed++;
      }
    }
    long shown = runId;
    if (processed == 0 && failed == 0) {
      history.dropEmptyRun(runId);
      shown = runId - 1;
    } else {
      history.finishRun(runId, Instant.now(), processed);
    }
    retain(out, keep);
    NightlyReport report =
        NightlyReports.build(history, shown, NightlyChanges.asOf(history, shown), failOn);
    Path page = new NightlyWriter().write(report, out);
    log.info(
        "nightly run {}: {} bundles analysed, {} failed, {} already known",
        shown,
        processed,
        failed,
        skipped);
    return new NightlyOutcome(processed, failed, skipped, report, page);
  }

  private boolean isTruncated(long instance) {
    return findings.list(instance).stream()
        .anyMatch(f -> f.code().equals("ARCHIVE_TRUNCATED") && !f.origin().contains("!/"));
  }

  private void record(long runId, String sha, long instance, Path relDir) {
    Topology topology = CorrelateTasklet.loader(results).apply(instance);
    List<Finding> all = findings.list(instance);
    PingResults pings = PingStage.load(results, instance);
    List<HistoryStore.VmState> states = new ArrayList<>();
    List<HistoryStore.VmFindingRow> rows = new ArrayList<>();
    for (Vm vm : topology.vms()) {
      List<Finding> mine = all.stream().filter(f -> f.vmId().equalsIgnoreCase(vm.id())).toList();
      int errors = count(mine, Severity.ERROR);
      int warnings = count(mine, Severity.WARNING);
      List<PointFlowStats> p =
          pings.ofVm(vm.id()).stream().flatMap(port -> port.points().stream()).toList();
      boolean hasPath = vm.ports().stream().anyMatch(port -> !port.hops().isEmpty());
      String status = errors > 0 ? "ERROR" : warnings > 0 ? "WARNING" : hasPath ? "OK" : "NO_DATA";
      String host = topology.host(vm.hostKey()).map(h -> h.name()).orElse(vm.hostKey());
      states.add(
          new HistoryStore.VmState(
              vm.id(),
              vm.name(),
              host,
              status,
              errors,
              warnings,
              p.stream().mapToLong(PointFlowStats::requests).max().orElse(0),
              p.stream().mapToLong(PointFlowStats::answered).min().orElse(0),
              relDir.resolve("index.html").toString()));
      for (Finding f : mine) {
        String key = f.code() + "|" + f.message();
        rows.add(
            new HistoryStore.VmFindingRow(
                vm.id(), key, f.code(), f.severity().name(), f.message()));
      }
    }
    history.recordDone(runId, sha, instance, states, rows);
  }

  private void retain(Path out, int keep) throws IOException {
    for (long old : history.runsBeyond(keep)) {
      for (HistoryStore.Bundle b : history.bundles(old)) {
        Path dir = out.resolve(b.reportDir()).normalize();
        if (dir.startsWith(out.resolve("bundles"))) {
          FileSystemUtils.deleteRecursively(dir);
        }
      }
      history.deleteRun(old);
    }
  }

  private static int count(List<Finding> fs, Severity s) {
    return (int) fs.stream().filter(f -> f.severity() == s).count();
  }
}
