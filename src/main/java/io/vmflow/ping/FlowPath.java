package io.vmflow.ping;

import io.vmflow.topology.Hop;
import java.util.List;

/**
 * A flow between two VMs of the dump along the one path it takes: the source port's hops outward up
 * to the first device the destination's path also reaches (br-int on one host, the peer host's
 * bridges across a tunnel), then the destination's hops back to its VM.
 *
 * @param flow {@code src > dst id N}
 * @param hops the flow's path, source VM side first
 * @param points the flow's figures at every device of the path that was captured on while it went
 *     on (a point that never saw it has zero counts)
 * @param losses every loss segment localised along this path
 */
public record FlowPath(
    String flow,
    String srcVmId,
    String srcPortId,
    String dstVmId,
    String dstPortId,
    List<Hop> hops,
    List<PointFlowStats> points,
    List<LossSegment> losses) {

  public FlowPath {
    hops = List.copyOf(hops);
    points = List.copyOf(points);
    losses = List.copyOf(losses);
  }

  /** True when {@code vmId} is either end of the flow. */
  public boolean concerns(String vmId) {
    return srcVmId.equals(vmId) || dstVmId.equals(vmId);
  }
}
