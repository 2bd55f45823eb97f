package io.vmflow.ping;

import java.util.List;

/**
 * What the captures say about one VM port: the points of its path that saw its flows, where they
 * were lost, the points that were captured on but never saw them, and the sequence timelines.
 *
 * @param points capture point and flow stats on the port's path, in path order (VM side first)
 * @param losses loss segments on the port's path (a VM-to-VM flow's segment that leaves this path
 *     has one end on it)
 * @param silent points of the path captured on while a flow went on that never saw it
 * @param timelines per flow and point, the sequence numbers seen, bucketed
 */
public record PortPings(
    String vmId,
    String portId,
    List<PointFlowStats> points,
    List<LossSegment> losses,
    List<SilentPoint> silent,
    List<Timeline> timelines) {

  public PortPings {
    points = List.copyOf(points);
    losses = List.copyOf(losses);
    silent = List.copyOf(silent);
    timelines = List.copyOf(timelines);
  }

  /** A point of the path that was captured on while {@code flow} went on and never saw it. */
  public record SilentPoint(String point, String flow, String origin) {}
}
