package io.vmflow.ping;

/**
 * A capture point that was captured on, whatever it saw: a point on a VM's path that was captured
 * on but never saw a flow is evidence that the flow did not get there.
 *
 * @param frames frames seen at the point (0: the capture ran and saw nothing)
 * @param firstNanos first frame, nanoseconds since the epoch; -1 when the window is unknown (no
 *     frame, or no echo among the frames)
 * @param lastNanos last frame; -1 when the window is unknown
 */
public record CapturedPoint(
    String point, String origin, long frames, long firstNanos, long lastNanos) {

  /** True when this point's capture window overlaps [from, to], or is unknown. */
  public boolean overlaps(long from, long to) {
    return firstNanos < 0 || firstNanos <= to && lastNanos >= from;
  }
}
