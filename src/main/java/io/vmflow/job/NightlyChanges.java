package io.vmflow.job;

import io.vmflow.store.HistoryStore;
import io.vmflow.store.HistoryStore.VmFindingRow;
import io.vmflow.store.HistoryStore.VmStateAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed for each VM as of one nightly run: findings new in it, still open (and since which
 * run), and resolved since the VM's previous state. A VM not re-reported in a run keeps its state:
 * its bundle was simply not collected again.
 */
final class NightlyChanges {

  /** One VM's change record. */
  record VmChange(
      HistoryStore.VmState state,
      long seenInRun,
      List<VmFindingRow> newFindings,
      List<OpenFinding> open,
      List<VmFindingRow> resolved,
      List<Double> lossTrend) {}

  /** A finding still open, with the first run of its current streak. */
  record OpenFinding(VmFindingRow finding, long since) {}

  private NightlyChanges() {}

  static List<VmChange> asOf(HistoryStore history, long runId) {
    List<VmChange> out = new ArrayList<>();
    for (VmStateAt at : history.latestStates(runId)) {
      String vm = at.state().vmId();
      List<Long> runs = history.runsOf(vm, runId);
      Map<String, VmFindingRow> now = byKey(history.findings(at.runId(), vm));
      Map<String, VmFindingRow> before =
          runs.size() >= 2 ? byKey(history.findings(runs.get(runs.size() - 2), vm)) : Map.of();
      boolean fresh = at.runId() == runId;
      List<VmFindingRow> added = new ArrayList<>();
      List<OpenFinding> open = new ArrayList<>();
      for (VmFindingRow f : now.values()) {
        if (fresh && !before.containsKey(f.key())) {
          added.add(f);
        } else {
          open.add(new OpenFinding(f, since(history, vm, f.key(), runs)));
        }
      }
      List<VmFindingRow> resolved = new ArrayList<>();
      if (fresh) {
        before.values().stream().filter(f -> !now.containsKey(f.key())).forEach(resolved::add);
      }
      out.add(new VmChange(at.state(), at.runId(), added, open, resolved, List.of()));
    }
    return out;
  }

  private static long since(HistoryStore history, String vm, String key, List<Long> runs) {
    long since = runs.get(runs.size() - 1);
    for (int i = runs.size() - 1; i >= 0; i--) {
      long r = runs.get(i);
      if (history.findings(r, vm).stream().noneMatch(f -> f.key().equals(key))) {
        break;
      }
      since = r;
    }
    return since;
  }

  private static Map<String, VmFindingRow> byKey(List<VmFindingRow> rows) {
    Map<String, VmFindingRow> m = new TreeMap<>();
    rows.forEach(r -> m.putIfAbsent(r.key(), r));
    return m;
  }
}
