package io.vmflow.job;

import io.vmflow.store.HistoryStore.VmFindingRow;
import io.vmflow.store.ObservationStore;
import io.vmflow.store.ObservationStore.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed for each VM as of one nightly run. A VM is observed once per collection that holds
 * it; its newest observation (latest run, then latest collection time) is its state, compared with
 * the observation before it (in an earlier collection of the same run, or an earlier run): findings
 * new in it, still open (and since which run), resolved. Findings are always those raised in the
 * observation's own collection. A VM not re-reported in a run keeps its state: its collection was
 * simply not collected again.
 */
final class NightlyChanges {

  /**
   * One VM's change record.
   *
   * @param others the VM's other observations in the run of {@code latest}, newest first
   */
  record VmChange(
      Observation latest,
      List<VmFindingRow> newFindings,
      List<OpenFinding> open,
      List<VmFindingRow> resolved,
      List<Observation> others) {}

  /** A finding still open, with the first run of its current streak. */
  record OpenFinding(VmFindingRow finding, long since) {}

  private NightlyChanges() {}

  static List<VmChange> asOf(ObservationStore store, long runId) {
    List<VmChange> out = new ArrayList<>();
    for (String vm : store.vmIds(runId)) {
      List<Observation> obs = store.of(vm, runId);
      if (obs.isEmpty()) {
        continue;
      }
      Observation latest = obs.get(obs.size() - 1);
      List<Map<String, VmFindingRow>> raw =
          obs.stream().map(o -> byKey(store.findings(o))).toList();
      // a counter read once per collection is judged against the previous observation's reading
      List<Map<String, VmFindingRow>> keyed = new ArrayList<>();
      for (int i = 0; i < raw.size(); i++) {
        keyed.add(
            i == 0
                ? raw.get(0)
                : CounterHistory.across(
                    raw.get(i - 1),
                    obs.get(i - 1).collectedAt(),
                    raw.get(i),
                    obs.get(i).collectedAt()));
      }
      Map<String, VmFindingRow> now = keyed.get(keyed.size() - 1);
      Map<String, VmFindingRow> before = keyed.size() >= 2 ? keyed.get(keyed.size() - 2) : Map.of();
      boolean fresh = latest.runId() == runId;
      List<VmFindingRow> added = new ArrayList<>();
      List<OpenFinding> open = new ArrayList<>();
      for (VmFindingRow f : now.values()) {
        if (fresh && !before.containsKey(f.key())) {
          added.add(f);
        } else {
          open.add(new OpenFinding(f, since(obs, keyed, f.key())));
        }
      }
      List<VmFindingRow> resolved = new ArrayList<>();
      if (fresh) {
        before.values().stream().filter(f -> !now.containsKey(f.key())).forEach(resolved::add);
      }
      List<Observation> others = new ArrayList<>();
      for (int i = obs.size() - 2; i >= 0 && obs.get(i).runId() == latest.runId(); i--) {
        others.add(obs.get(i));
      }
      out.add(new VmChange(latest, added, open, resolved, others));
    }
    return out;
  }

  // the run of the earliest observation of the unbroken streak of observations holding the key
  private static long since(
      List<Observation> obs, List<Map<String, VmFindingRow>> keyed, String key) {
    long since = obs.get(obs.size() - 1).runId();
    for (int i = obs.size() - 1; i >= 0 && keyed.get(i).containsKey(key); i--) {
      since = obs.get(i).runId();
    }
    return since;
  }

  private static Map<String, VmFindingRow> byKey(List<VmFindingRow> rows) {
    Map<String, VmFindingRow> m = new TreeMap<>();
    rows.forEach(r -> m.putIfAbsent(r.key(), r));
    return m;
  }
}
