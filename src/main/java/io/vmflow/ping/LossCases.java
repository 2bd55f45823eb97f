package io.vmflow.ping;

import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A loss segment of the ping stage with its devices and hosts in the order the packets travel. */
final class LossCases {

  private LossCases() {}

  /**
   * @param hops the path the segment was localised on, in the order {@link FlowPaths#names} named
   *     it
   */
  static LossCase of(String vmId, List<Hop> hops, LossSegment l, PointFlowStats flow) {
    List<String> names = FlowPaths.names(hops);
    int from = names.indexOf(l.from());
    int to = names.indexOf(l.to());
    List<Hop> slice = new ArrayList<>();
    if (from >= 0 && to >= 0) {
      slice.addAll(hops.subList(Math.min(from, to), Math.max(from, to) + 1));
      if (from > to) {
        Collections.reverse(slice);
      }
    }
    List<String> devices = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (Hop h : slice) {
      if (h.kind() != HopKind.REMOTE_HOST) {
        devices.add(h.device());
        hosts.add(h.host());
      }
    }
    return new LossCase(
        vmId,
        l.sentence(),
        l.direction(),
        flow.src(),
        flow.dst(),
        devices,
        hosts,
        l.lost(),
        flow.largestIpBytes());
  }
}
