package io.vmflow.job;

import io.vmflow.finding.Severity;
import io.vmflow.report.NightlyReport;
import io.vmflow.store.BundleRetries;
import io.vmflow.store.CollectionClaims;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.InterruptedRuns;
import io.vmflow.store.ObservationStore;
import io.vmflow.store.RunOwners;
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

/**
 * {@code vmflow nightly}: groups the inbox into collections ({@link NightlyIntake}), analyses each
 * complete collection not analysed before (by content hash) as its own job execution, records each
 * VM's state per collection in the history, and writes what changed. Each collection is claimed
 * first, so of several runs on one database exactly one analyses it; a collection left STARTED by a
 * killed run is analysed again and its job restarts where it stopped.
 */
@Component
public class NightlyRunner {

  private static final Logger log = LoggerFactory.getLogger(NightlyRunner.class);

  private final AnalyzeLauncher launcher;
  private final HistoryStore history;
  private final ObservationStore observations;
  private final CollectionClaims claims;
  private final CollectionRecorder recorder;
  private final InterruptedRuns interrupted;
  private final BundleRetries retries;
  private final Duration settle;

  public NightlyRunner(
      AnalyzeLauncher launcher,
      HistoryStore history,
      ObservationStore observations,
      CollectionClaims claims,
      CollectionRecorder recorder,
      InterruptedRuns interrupted,
      BundleRetries retries,
      @Value("${vmflow.nightly.settle-seconds:60}") long settleSeconds) {
    this.launcher = launcher;
    this.history = history;
    this.observations = observations;
    this.claims = claims;
    this.recorder = recorder;
    this.interrupted = interrupted;
    this.retries = retries;
    this.settle = Duration.ofSeconds(settleSeconds);
  }

  /**
   * Result of one nightly invocation.
   *
   * @param busy collections another run was analysing (not failures)
   * @param waiting inbox entries left for a later run because they were still changing
   */
  public record NightlyOutcome(
      int processed,
      int failed,
      int skipped,
      int busy,
      int waiting,
      NightlyReport report,
      Path page) {}

  public NightlyOutcome run(Path inbox, Path out, int keep, Severity failOn) throws IOException {
    int repaired = interrupted.repair(Instant.now());
    if (repaired > 0) {
      log.info("closed {} nightly runs left unfinished by a killed process", repaired);
    }
    NightlyIntake.Intake intake = NightlyIntake.scan(inbox, out, settle, Instant.now());
    List<NightlyReport.BundleRow> unrecorded = new ArrayList<>();
    intake.waiting().forEach(w -> unrecorded.add(waiting(w.name(), w.why())));
    long runId = history.startRun(Instant.now(), RunOwners.self());
    int[] n = new int[4]; // processed, failed, skipped, busy
    for (NightlyIntake.Ready ready : intake.ready()) {
      analyse(ready, runId, out, n, unrecorded);
      history.heartbeat(runId, Instant.now());
    }
    NightlyRunner.NightlyOutcome o =
        NightlyRunEnd.close(
            history,
            observations,
            runId,
            n,
            intake.waiting().size(),
            out,
            keep,
            failOn,
            unrecorded);
    log.info(
        "nightly run {}: {} collections analysed, {} failed, {} already known, {} analysed by another"
            + " run, {} still changing",
        o.report().runId(),
        n[0],
        n[1],
        n[2],
        n[3],
        intake.waiting().size());
    return o;
  }

  private void analyse(
      NightlyIntake.Ready ready,
      long runId,
      Path out,
      int[] n,
      List<NightlyReport.BundleRow> unrecorded) {
    NightlyCollections.Collection c = ready.collection();
    List<Path> paths = c.paths();
    String sha = InputFingerprint.sha256(paths);
    if (!NightlyIntake.states(paths).equals(ready.states())) {
      unrecorded.add(
          waiting(c.name(), "changed since the inbox was read: analysed by a later run"));
      return;
    }
    Path dir = c.reportDir(out, sha);
    String grouping = c.grouping();
    CollectionClaims.Claim claim = claims.claim(c.claimRow(sha, out), runId, Instant.now());
    switch (claim.outcome()) {
      case DONE -> {
        n[2]++;
        return;
      }
      case BUSY -> {
        n[3]++;
        unrecorded.add(
            new NightlyReport.BundleRow(
                c.name(),
                sha,
                "BUSY",
                "",
                c.name(),
                grouping,
                "being analysed by run " + claim.holder() + " at the same time"));
        return;
      }
      case CLAIMED -> {}
    }
    try {
      AnalyzeOutcome o = launcher.run(paths, dir);
      if (!NightlyIntake.states(paths).equals(ready.states())) {
        // a file grew or was replaced while it was read: this result may mix two copies
        claims.release(sha, runId);
        unrecorded.add(waiting(c.name(), "changed during the analysis: result discarded"));
        return;
      }
      if (!o.completed()) {
        history.markFailed(sha, runId, "job " + o.status());
        n[1]++;
        return;
      }
      boolean again = claim.previousStatus().filter(BundleRetries.RETRY::equals).isPresent();
      if (!again && recorder.isTruncated(o.instanceId())) {
        // ended early though it stopped changing: looked at again next run, accepted if unchanged
        retries.markRetry(sha, "archive ends early; analysed again next run");
        n[1]++;
        return;
      }
      if (recorder.record(runId, sha, o.instanceId(), out.relativize(dir))) {
        n[0]++;
      } else {
        n[3]++;
        log.info(
            "collection {} was taken over by another run: its result is not recorded", c.name());
      }
    } catch (Exception e) {
      log.warn("collection {} failed: {}", c.name(), e.toString());
      history.markFailed(sha, runId, e.toString());
      n[1]++;
    }
  }

  private static NightlyReport.BundleRow waiting(String name, String why) {
    return new NightlyReport.BundleRow(name, "", "WAITING", "", name, "", why);
  }
}
