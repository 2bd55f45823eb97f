package io.vmflow.job;

import io.vmflow.ping.CapturedPoint;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.store.StageResultStore;
import java.util.List;

/** Stored per-capture pairing results, written by the captures step, read by the ping step. */
final class CaptureResults {

  static final String KIND = "capture:";

  /**
   * Stored form: all capture points and flows of one capture file, and the points it captured on.
   */
  record All(List<PointFlowStats> stats, List<CapturedPoint> points) {

    All {
      points = points == null ? List.of() : List.copyOf(points);
    }
  }

  private CaptureResults() {}

  static List<PointFlowStats> load(StageResultStore results, long instance) {
    return results.list(instance, KIND, All.class).stream()
        .flatMap(a -> a.stats().stream())
        .toList();
  }

  static List<CapturedPoint> points(StageResultStore results, long instance) {
    return results.list(instance, KIND, All.class).stream()
        .flatMap(a -> a.points().stream())
        .toList();
  }
}
