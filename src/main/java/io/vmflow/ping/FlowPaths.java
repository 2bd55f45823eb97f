package io.vmflow.ping;

import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The device paths loss is localised along, and the capture points silent on them. */
final class FlowPaths {

  private FlowPaths() {}

  /**
   * Source hops up to the junction with the destination's path (br-int when both sit on one host,
   * the peer's integration bridge across a tunnel), then the destination's hops back to its VM.
   *
   * @param outHalf receives the device names of the source half
   */
  static List<String> vmToVm(List<Hop> from, List<Hop> to, List<String> outHalf) {
    return names(vmToVmHops(from, to, outHalf));
  }

  /** The hops of {@link #vmToVm}. */
  static List<Hop> vmToVmHops(List<Hop> from, List<Hop> to, List<String> outHalf) {
    List<String> toKeys = to.stream().map(h -> h.device() + "@" + h.host()).toList();
    List<Hop> hops = new ArrayList<>();
    int junction = -1;
    int outSize = 0;
    for (Hop h : from) {
      hops.add(h);
      outSize++;
      junction = toKeys.indexOf(h.device() + "@" + h.host());
      if (junction >= 0) {
        break;
      }
    }
    List<Hop> back = new ArrayList<>(junction >= 0 ? to.subList(0, junction) : to);
    Collections.reverse(back);
    hops.addAll(back);
    List<String> path = names(hops);
    outHalf.addAll(path.subList(0, outSize));
    return hops;
  }

  /**
   * Hops as loss sentences name them: the device, or "[host]" where the path crosses to a peer
   * host, named after the host the next hop is on (read backwards, a peer-host marker points the
   * other way).
   */
  static List<String> names(List<Hop> hops) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < hops.size(); i++) {
      Hop h = hops.get(i);
      if (h.kind() == HopKind.REMOTE_HOST) {
        out.add("[" + (i + 1 < hops.size() ? hops.get(i + 1).host() : h.device()) + "]");
      } else {
        out.add(h.device());
      }
    }
    return out;
  }

  /**
   * Devices every frame of the VM crosses, so that a capture there that saw nothing means the
   * frames did not get there. Not an OVS bridge's own netdev (its LOCAL port sees only what is
   * flooded or addressed to the host) nor patch ports (no device to capture on).
   */
  static Set<String> carriers(List<Hop> hops) {
    Set<String> out = new HashSet<>();
    for (Hop h : hops) {
      switch (h.kind()) {
        case TAP, LINUX_BRIDGE, VETH_BRIDGE_SIDE, VETH_OVS_SIDE, PHYSICAL_NIC ->
            out.add(h.device());
        default -> {}
      }
    }
    return out;
  }

  /**
   * The flow's points on {@code path}, plus an empty sighting for every carrier of the path that
   * was captured on while the flow went on but never saw it: the flow did not get there.
   */
  static Map<String, PointFlowStats> withSilentPoints(
      List<String> path,
      Map<String, PointFlowStats> points,
      Map<String, List<CapturedPoint>> captured,
      Set<String> carriers) {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (String p : points.keySet()) {
      for (CapturedPoint c : captured.getOrDefault(p, List.of())) {
        if (c.firstNanos() >= 0) {
          from = Math.min(from, c.firstNanos());
          to = Math.max(to, c.lastNanos());
        }
      }
    }
    if (from > to) {
      return points;
    }
    Map<String, PointFlowStats> out = new LinkedHashMap<>(points);
    PointFlowStats like = points.values().iterator().next();
    for (String device : path) {
      if (out.containsKey(device) || !carriers.contains(device)) {
        continue;
      }
      for (CapturedPoint c : captured.getOrDefault(device, List.of())) {
        if (c.overlaps(from, to)) {
          out.put(device, PointFlowStats.silent(device, like, c.origin()));
          break;
        }
      }
    }
    return out;
  }
}
