package io.vmflow.ping;

import io.vmflow.topology.Hop;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A flow between two VMs of the dump follows one path: the source port's hops outward up to the
 * first device the destination port's path also reaches, then the destination's hops inward. Loss
 * between the last point of one half and the first of the other lies in between and concerns both
 * ports; loss within one half is already on that port's own path.
 */
final class VmToVmLoss {

  /**
   * Receives each loss segment once, with the flow's source (the VM whose pings are lost: the
   * victim) and its destination (the peer, affected).
   */
  interface Sink {
    void loss(
        Map.Entry<Vm, VmPort> source,
        Map.Entry<Vm, VmPort> dest,
        LossSegment l,
        PointFlowStats flow,
        List<Hop> pathHops);
  }

  private final Topology topology;
  private final Map<String, List<CapturedPoint>> captured;

  VmToVmLoss(Topology topology, Map<String, List<CapturedPoint>> captured) {
    this.topology = topology;
    this.captured = captured;
  }

  /** Localises each VM-to-VM flow along its path; returns every such flow's path. */
  List<FlowPath> localise(List<PointFlowStats> stats, Sink sink) {
    List<FlowPath> paths = new ArrayList<>();
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    stats.forEach(
        s -> byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(s.point(), s));
    for (Map<String, PointFlowStats> points : byFlow.values()) {
      PointFlowStats any = points.values().iterator().next();
      var a = portWith(topology, any.src());
      var b = portWith(topology, any.dst());
      if (a == null || b == null || a.getKey() == b.getKey()) {
        continue;
      }
      List<String> out = new ArrayList<>();
      List<Hop> hops = FlowPaths.vmToVmHops(a.getValue().hops(), b.getValue().hops(), out);
      List<String> path = FlowPaths.names(hops);
      Set<String> carriers = FlowPaths.carriers(a.getValue().hops());
      carriers.addAll(FlowPaths.carriers(b.getValue().hops()));
      Map<String, PointFlowStats> all =
          FlowPaths.withSilentPoints(path, points, captured, carriers);
      List<LossSegment> losses = LossLocaliser.localise(path, all, true);
      for (LossSegment l : losses) {
        if (out.contains(l.from()) != out.contains(l.to())) {
          // cited by the capture where the lost echoes were last seen
          sink.loss(a, b, l, all.getOrDefault(l.from(), any), hops);
        }
      }
      paths.add(
          new FlowPath(
              any.flow(),
              a.getKey().id(),
              a.getValue().portId(),
              b.getKey().id(),
              b.getValue().portId(),
              hops,
              List.copyOf(all.values()),
              losses));
    }
    return paths;
  }

  /** The VM port holding {@code ip} and having a path, or null. */
  static Map.Entry<Vm, VmPort> portWith(Topology topology, String ip) {
    for (Vm vm : topology.vms()) {
      for (VmPort p : vm.ports()) {
        if (p.ips().contains(ip) && !p.hops().isEmpty()) {
          return Map.entry(vm, p);
        }
      }
    }
    return null;
  }
}
