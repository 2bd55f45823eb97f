package io.vmflow.job;

import io.vmflow.ping.PointFlowStats;
import io.vmflow.store.StageResultStore;
import java.util.List;

/** Stored per-capture pairing results, written by the captures step, read by the ping step. */
final class CaptureResults {

  static final String KIND = "capture:";

  /** Stored form: all capture points and flows of the run's capture files. */
  record All(List<PointFlowStats> stats) {}

  private CaptureResults() {}

  static List<PointFlowStats> load(StageResultStore results, long instance) {
    return results.list(instance, KIND, All.class).stream().flatMap(a -> a.stats().stream()).toList();
  }
}
