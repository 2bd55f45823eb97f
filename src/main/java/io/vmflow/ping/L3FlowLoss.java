package io.vmflow.ping;

import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A VM's flow to an address that is no VM's (its gateway, or beyond its router) follows the VM's
 * switch path up to the bridge its gateway port is on, then the router's ports in L3 path order
 * ({@code qr-}, then {@code qg-} …). Captures inside the router namespace are points on it like the
 * VM's own. Ports beyond the gateway port count only for what they saw of the flow itself under the
 * same addresses (NAT rewrites it on the way out, so silence there proves nothing): replies a
 * router without the route back sends out of {@code qg-} are seen there and never at {@code qr-}.
 * Losses inside the switch part are the port's own path's; this reports those that touch a router
 * port.
 */
final class L3FlowLoss {

  /** Receives each loss that touches a router port, and the flow's sightings on router ports. */
  interface Sink {
    void loss(Vm vm, VmPort port, LossSegment l, PointFlowStats flow, List<Hop> pathHops);

    void seen(Vm vm, VmPort port, PointFlowStats s);
  }

  private final Topology topology;
  private final Map<String, List<CapturedPoint>> captured;

  L3FlowLoss(Topology topology, Map<String, List<CapturedPoint>> captured) {
    this.topology = topology;
    this.captured = captured;
  }

  void localise(List<PointFlowStats> stats, Sink sink) {
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    stats.forEach(
        s -> byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(s.point(), s));
    for (Vm vm : topology.vms()) {
      for (VmPort port : vm.ports()) {
        for (L3Path p : topology.l3PathsOf(vm.id())) {
          if (p.portId().equals(port.portId()) && !port.hops().isEmpty()) {
            along(vm, port, p, byFlow, sink);
          }
        }
      }
    }
  }

  private void along(
      Vm vm, VmPort port, L3Path p, Map<String, Map<String, PointFlowStats>> byFlow, Sink sink) {
    Optional<L3Hop> gw = p.hops().stream().filter(h -> h.kind().equals("GATEWAY")).findFirst();
    if (gw.isEmpty()) {
      return;
    }
    List<Hop> l2 = switchPart(port.hops(), gw.get());
    List<Hop> router = routerPorts(p);
    Set<String> routerNames = Set.copyOf(router.stream().map(Hop::device).toList());
    for (Map<String, PointFlowStats> points : byFlow.values()) {
      PointFlowStats any = points.values().iterator().next();
      boolean outward = port.ips().contains(any.src());
      String other = outward ? any.dst() : any.src();
      if (!outward && !port.ips().contains(any.dst())
          || VmToVmLoss.portWith(topology, other) != null
          || points.keySet().stream().noneMatch(routerNames::contains)
              && captured.keySet().stream().noneMatch(routerNames::contains)) {
        continue;
      }
      points.forEach(
          (device, s) -> {
            if (routerNames.contains(device)) {
              sink.seen(vm, port, s);
            }
          });
      List<Hop> requestHops = way(l2, router, points, true);
      List<Hop> replyHops = way(l2, router, points, false);
      Set<String> carriers = FlowPaths.carriers(l2);
      carriers.add(gw.get().device());
      for (List<Hop> hops : List.of(requestHops, replyHops)) {
        List<String> path = FlowPaths.names(hops);
        Map<String, PointFlowStats> all =
            FlowPaths.withSilentPoints(path, onPath(path, points), captured, carriers);
        String direction = hops == requestHops ? "request" : "reply";
        for (LossSegment l : LossLocaliser.localise(path, all, outward)) {
          if (l.direction().equals(direction)
              && (routerNames.contains(l.from()) || routerNames.contains(l.to()))) {
            sink.loss(vm, port, l, all.getOrDefault(l.from(), any), hops);
          }
        }
      }
    }
  }

  // the switch part, the gateway port, then each port beyond it that saw this flow's requests
  // (or replies) under the same addresses
  private static List<Hop> way(
      List<Hop> l2, List<Hop> router, Map<String, PointFlowStats> points, boolean requests) {
    List<Hop> out = new ArrayList<>(l2);
    out.add(router.get(0));
    for (Hop h : router.subList(1, router.size())) {
      PointFlowStats s = points.get(h.device());
      if (s != null && (requests ? s.requests() : s.replies()) > 0) {
        out.add(h);
      }
    }
    return out;
  }

  private static Map<String, PointFlowStats> onPath(
      List<String> path, Map<String, PointFlowStats> points) {
    Map<String, PointFlowStats> out = new LinkedHashMap<>();
    points.forEach(
        (device, s) -> {
          if (path.contains(device)) {
            out.put(device, s);
          }
        });
    return out;
  }

  // the VM's hops up to the bridge its gateway port is on (that host's), all of them if none
  private static List<Hop> switchPart(List<Hop> hops, L3Hop gw) {
    for (int i = 0; i < hops.size(); i++) {
      Hop h = hops.get(i);
      if (h.device().equals(gw.bridge()) && h.host().equalsIgnoreCase(gw.host())) {
        return hops.subList(0, i + 1);
      }
    }
    return hops;
  }

  // the routed path's ports from the gateway on, each once
  private static List<Hop> routerPorts(L3Path p) {
    List<Hop> out = new ArrayList<>();
    boolean started = false;
    for (L3Hop h : p.hops()) {
      started |= h.kind().equals("GATEWAY");
      if (!started || !h.present() || out.stream().anyMatch(x -> x.device().equals(h.device()))) {
        continue;
      }
      out.add(
          new Hop(
              h.device(),
              HopKind.ROUTER_PORT,
              h.bridge(),
              h.ofport(),
              h.vlan(),
              h.mac(),
              true,
              h.host(),
              "",
              List.of(),
              h.evidence()));
    }
    return out;
  }
}
