package io.vmflow.job;

import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.CapturedPoint;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import java.util.List;

/**
 * Stored per-capture pairing results, written by the ingest step (captures paired as they were
 * spooled) or the captures step (the others), read by the ping step.
 */
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

  /** The key of the capture at catalog position {@code seq}. */
  static String key(int seq) {
    return KIND + String.format("%06d", seq);
  }

  /** What one capture held, for the log: "N frames, M echoes, points [...]". */
  static String describe(CapturePairing.Result r) {
    return r.summary().frames()
        + " frames, "
        + r.summary().echoes()
        + " echoes, points "
        + r.summary().points();
  }

  /** Stores one capture's pairing and the findings reading it gave. */
  static void store(
      StageResultStore results,
      FindingStore findings,
      long instance,
      int seq,
      CapturePairing.Result r) {
    results.put(instance, key(seq), new All(r.stats(), r.points()));
    findings.replace(instance, KIND + seq, r.summary().findings());
  }

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
