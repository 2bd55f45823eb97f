package io.vmflow.ping;

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

  /** Receives a loss segment for one of the two ports it concerns. */
  interface Sink {
    void loss(Vm vm, VmPort port, LossSegment segment, String origin);
  }

  private final Topology topology;
  private final Map<String, List<CapturedPoint>> captured;

  VmToVmLoss(Topology topology, Map<String, List<CapturedPoint>> captured) {
    this.topology = topology;
    this.captured = captured;
  }

  void localise(List<PointFlowStats> stats, Sink sink) {
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    stats.forEach(
        s -> byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(s.point(), s));
    for (Map<String, PointFlowStats> points : byFlow.values()) {
      PointFlowStats any = points.values().iterator().next();
      var a = portWith(any.src());
      var b = portWith(any.dst());
      if (a == null || b == null || a.getKey() == b.getKey()) {
        continue;
      }
      List<String> out = new ArrayList<>();
      List<String> path = FlowPaths.vmToVm(a.getValue().hops(), b.getValue().hops(), out);
      Set<String> carriers = FlowPaths.carriers(a.getValue().hops());
      carriers.addAll(FlowPaths.carriers(b.getValue().hops()));
      Map<String, PointFlowStats> all =
          FlowPaths.withSilentPoints(path, points, captured, carriers);
      for (LossSegment l : LossLocaliser.localise(path, all, true)) {
        if (out.contains(l.from()) != out.contains(l.to())) {
          sink.loss(a.getKey(), a.getValue(), l, any.origin());
          sink.loss(b.getKey(), b.getValue(), l, any.origin());
        }
      }
    }
  }

  private Map.Entry<Vm, VmPort> portWith(String ip) {
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
