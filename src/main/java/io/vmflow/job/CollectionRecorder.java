package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.store.FindingStore;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns one analysed collection (a job instance) into history rows: each VM's state and the
 * findings raised on it in that collection. A VM's status is derived from exactly the findings
 * recorded for it, so the two cannot disagree.
 */
@Component
class CollectionRecorder {

  private final HistoryStore history;
  private final FindingStore findings;
  private final StageResultStore results;

  CollectionRecorder(HistoryStore history, FindingStore findings, StageResultStore results) {
    this.history = history;
    this.findings = findings;
    this.results = results;
  }

  boolean isTruncated(long instance) {
    return findings.list(instance).stream()
        .anyMatch(f -> f.code().equals("ARCHIVE_TRUNCATED") && !f.origin().contains("!/"));
  }

  /** Records the collection; false when another run took its claim over meanwhile. */
  boolean record(long runId, String sha, long instance, Path relDir) {
    Topology topology = CorrelateTasklet.loader(results).apply(instance);
    List<Finding> all = findings.list(instance);
    PingResults pings = PingStage.load(results, instance);
    List<HistoryStore.VmState> states = new ArrayList<>();
    List<HistoryStore.VmFindingRow> rows = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Vm vm : topology.vms()) {
      if (!seen.add(vm.id().toLowerCase(java.util.Locale.ROOT))) {
        continue; // one VM id on two hosts: one state, all its findings (a finding says so)
      }
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
        rows.add(
            new HistoryStore.VmFindingRow(
                vm.id(), FindingKeys.of(f), f.code(), f.severity().name(), f.message()));
      }
    }
    return history.recordDone(runId, sha, instance, states, rows);
  }

  private static int count(List<Finding> fs, Severity s) {
    return (int) fs.stream().filter(f -> f.severity() == s).count();
  }
}
