package io.vmflow.job;

import io.vmflow.report.LossRow;
import io.vmflow.report.PingRow;
import io.vmflow.store.StageResultStore;
import java.util.List;
import java.util.Map;

/** Reads the ping stage's stored results for rendering. */
final class PingStage {

  static final String PINGS = "pings";
  static final String LOSSES = "losses";

  private PingStage() {}

  /** Stored form: VM id -> rows. */
  record PingsByVm(Map<String, List<PingRow>> rows) {}

  /** Stored form: VM id -> loss segments. */
  record LossesByVm(Map<String, List<LossRow>> rows) {}

  static Map<String, List<PingRow>> pings(StageResultStore results, long instance) {
    return results.get(instance, PINGS, PingsByVm.class).map(PingsByVm::rows).orElse(Map.of());
  }

  static Map<String, List<LossRow>> losses(StageResultStore results, long instance) {
    return results.get(instance, LOSSES, LossesByVm.class).map(LossesByVm::rows).orElse(Map.of());
  }
}
