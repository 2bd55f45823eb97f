package io.vmflow.job;

import io.vmflow.report.LossRow;
import io.vmflow.report.PingRow;
import io.vmflow.report.PointTimeline;
import io.vmflow.store.StageResultStore;
import java.util.List;
import java.util.Map;

/** Reads the ping stage's stored results for rendering. */
final class PingStage {

  static final String PINGS = "pings";
  static final String LOSSES = "losses";
  static final String TIMELINES = "timelines";
  static final String LOSS_CASES = "lossCases";

  /** Stored form: every localised loss with its segment's devices, for the cause stage. */
  record LossCases(List<io.vmflow.ping.LossCase> cases) {}

  static List<io.vmflow.ping.LossCase> lossCases(StageResultStore results, long instance) {
    return results
        .get(instance, LOSS_CASES, LossCases.class)
        .map(LossCases::cases)
        .orElse(List.of());
  }

  /** Stored form: VM id -> per point and flow, the sequence numbers seen, bucketed. */
  record TimelinesByVm(Map<String, List<PointTimeline>> rows) {}

  static Map<String, List<PointTimeline>> timelines(StageResultStore results, long instance) {
    return results
        .get(instance, TIMELINES, TimelinesByVm.class)
        .map(TimelinesByVm::rows)
        .orElse(Map.of());
  }

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
