package io.vmflow.ping;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.PortPings.SilentPoint;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loss along a path: assigns the flows seen at every capture point to the VM ports whose path holds
 * that point, localises loss along each port's path, and, for a flow between two VMs of the dump,
 * along the path the flow takes from one to the other. Results are keyed by VM and port.
 */
public final class PathLossLocaliser {

  public static final String PING_UNANSWERED = "PING_UNANSWERED";
  public static final String PING_LOSS_LOCALISED = "PING_LOSS_LOCALISED";

  private final Map<String, List<CapturedPoint>> captured = new LinkedHashMap<>();
  private final Map<String, Acc> ports = new LinkedHashMap<>();
  private final List<Finding> found = new ArrayList<>();
  private final List<LossCase> cases = new ArrayList<>();
  // an unanswered flow is said once; a flow whose loss was localised is said by its loss finding
  private final Map<Finding, String> unanswered = new LinkedHashMap<>();
  private final Set<String> lossFlows = new java.util.HashSet<>();
  private final Set<String> routedLosses = new java.util.HashSet<>();
  private final Topology topology;

  private PathLossLocaliser(Topology topology, List<CapturedPoint> points) {
    this.topology = topology;
    points.forEach(c -> captured.computeIfAbsent(c.point(), k -> new ArrayList<>()).add(c));
  }

  /**
   * @param seen every point and flow seen, from any source; observations of one point and flow are
   *     merged
   * @param points every capture point that was captured on, with its window
   */
  public static PingResults localise(
      Topology topology, List<PointFlowStats> seen, List<CapturedPoint> points) {
    Map<String, PointFlowStats> merged = new LinkedHashMap<>();
    for (PointFlowStats s : seen) {
      merged.merge(s.point() + "|" + s.flow(), s, PointFlowStats::merge);
    }
    List<PointFlowStats> stats = List.copyOf(merged.values());
    PathLossLocaliser l = new PathLossLocaliser(topology, points);
    for (Vm vm : topology.vms()) {
      for (VmPort port : vm.ports()) {
        l.alongPort(vm, port, stats);
      }
    }
    List<FlowPath> flows = new VmToVmLoss(topology, l.captured).localise(stats, l::addLoss);
    new L3FlowLoss(topology, l.captured)
        .localise(
            stats,
            new L3FlowLoss.Sink() {
              @Override
              public void loss(
                  Vm vm,
                  VmPort port,
                  LossSegment s,
                  PointFlowStats flow,
                  List<io.vmflow.topology.Hop> hops) {
                l.addRoutedLoss(vm, port, s, flow, hops);
              }

              @Override
              public void seen(Vm vm, VmPort port, PointFlowStats s) {
                var points = l.acc(vm.id(), port.portId()).points;
                if (!points.contains(s)) {
                  points.add(s);
                }
              }
            });
    List<PortPings> out =
        l.ports.values().stream()
            .map(a -> new PortPings(a.vm, a.port, a.points, a.losses, a.silent, a.timelines))
            .toList();
    List<Finding> findings = new ArrayList<>();
    l.unanswered.forEach(
        (f, flow) -> {
          if (!l.lossFlows.contains(flow)) {
            findings.add(f);
          }
        });
    findings.addAll(l.found);
    return new PingResults(out, findings, l.cases, List.of(), flows);
  }

  /**
   * A path's devices as loss segments name them: the device, or "[host]" where the path crosses to
   * a peer host.
   */
  public static List<String> names(List<io.vmflow.topology.Hop> hops) {
    return FlowPaths.names(hops);
  }

  private void alongPort(Vm vm, VmPort port, List<PointFlowStats> stats) {
    List<String> path = FlowPaths.names(port.hops());
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    for (String device : path) {
      for (PointFlowStats s : stats) {
        boolean mine =
            port.ips().isEmpty() || port.ips().contains(s.src()) || port.ips().contains(s.dst());
        if (s.point().equals(device) && mine) {
          acc(vm.id(), port.portId()).points.add(s);
          byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(device, s);
          // said once per flow, at the point nearest the VM; where it stops is the loss segments'
          if (s.unanswered() > 0 && byFlow.get(s.flow()).size() == 1) {
            unanswered.put(
                unanswered(s, device)
                    .about(vm.id(), port.portId(), vm.hostKey())
                    .withPeer(peer(vm, s)),
                s.flow());
          }
        }
      }
    }
    byFlow
        .values()
        .forEach(p -> acc(vm.id(), port.portId()).timelines.addAll(Timelines.of(path, p)));
    Set<String> carriers = FlowPaths.carriers(port.hops());
    for (Map<String, PointFlowStats> points : byFlow.values()) {
      PointFlowStats any = points.values().iterator().next();
      boolean outward = port.ips().contains(any.src());
      Map<String, PointFlowStats> all =
          FlowPaths.withSilentPoints(path, points, captured, carriers);
      all.forEach(
          (device, s) -> {
            if (!points.containsKey(device)) {
              acc(vm.id(), port.portId()).silent.add(new SilentPoint(device, s.flow(), s.origin()));
            }
          });
      for (LossSegment l : LossLocaliser.localise(path, all, outward)) {
        acc(vm.id(), port.portId()).losses.add(l);
        cases.add(LossCases.of(vm.id(), port.hops(), l, any));
        lossFlows.add(l.flow());
        String where =
            l.inside().isEmpty() ? "the link between " + l.from() + " and " + l.to() : l.inside();
        found.add(
            Finding.network(
                    Severity.ERROR,
                    PING_LOSS_LOCALISED,
                    l.sentence(),
                    all.getOrDefault(l.from(), any).origin(),
                    0)
                .about(vm.id(), port.portId(), vm.hostKey())
                .withPeer(peer(vm, any))
                .withHint("inspect " + where + " (flows, filters, port state)", List.of()));
      }
    }
  }

  // one finding per loss, about the flow's source (the victim), naming the peer
  private void addLoss(
      Map.Entry<Vm, VmPort> source,
      Map.Entry<Vm, VmPort> dest,
      LossSegment l,
      PointFlowStats flow,
      List<io.vmflow.topology.Hop> pathHops) {
    Vm vm = source.getKey();
    String origin = flow.origin();
    cases.add(LossCases.of(vm.id(), pathHops, l, flow));
    acc(vm.id(), source.getValue().portId()).losses.add(l);
    acc(dest.getKey().id(), dest.getValue().portId()).losses.add(l);
    lossFlows.add(l.flow());
    found.add(
        Finding.network(Severity.ERROR, PING_LOSS_LOCALISED, l.sentence(), origin, 0)
            .about(vm.id(), source.getValue().portId(), vm.hostKey())
            .withPeer(dest.getKey().id())
            .withHint(
                "between the two VMs' paths: inspect "
                    + (l.inside().isEmpty() ? "the integration bridge or the tunnel" : l.inside()),
                List.of()));
  }

  // a loss on the VM's routed path (its gateway, the router's ports), about the VM
  private void addRoutedLoss(
      Vm vm, VmPort port, LossSegment l, PointFlowStats flow, List<io.vmflow.topology.Hop> hops) {
    if (!routedLosses.add(l.flow() + "|" + l.direction() + "|" + l.from() + "|" + l.to())) {
      return;
    }
    lossFlows.add(l.flow());
    cases.add(LossCases.of(vm.id(), hops, l, flow));
    acc(vm.id(), port.portId()).losses.add(l);
    found.add(
        Finding.network(Severity.ERROR, PING_LOSS_LOCALISED, l.sentence(), flow.origin(), 0)
            .about(vm.id(), port.portId(), vm.hostKey())
            .withHint(
                "on the VM's routed path: inspect "
                    + (l.inside().isEmpty() ? "the router port and its namespace" : l.inside()),
                List.of()));
  }

  private static Finding unanswered(PointFlowStats s, String device) {
    return Finding.network(
            Severity.WARNING,
            PING_UNANSWERED,
            s.unanswered()
                + " of "
                + s.requests()
                + " echo requests ("
                + s.flow()
                + ") at "
                + device
                + " got no reply",
            s.origin(),
            0)
        .withHint("compare with the next capture point along the path", List.of());
  }

  // the other VM of a flow between two VMs of the dump, "" when the other end is not a VM
  private String peer(Vm vm, PointFlowStats s) {
    for (String ip : List.of(s.src(), s.dst())) {
      var p = VmToVmLoss.portWith(topology, ip);
      if (p != null && p.getKey() != vm) {
        return p.getKey().id();
      }
    }
    return "";
  }

  private Acc acc(String vm, String port) {
    return ports.computeIfAbsent(vm + "\n" + port, k -> new Acc(vm, port));
  }

  private static final class Acc {
    final String vm;
    final String port;
    final List<PointFlowStats> points = new ArrayList<>();
    final List<LossSegment> losses = new ArrayList<>();
    final List<SilentPoint> silent = new ArrayList<>();
    final List<Timeline> timelines = new ArrayList<>();

    Acc(String vm, String port) {
      this.vm = vm;
      this.port = port;
    }
  }
}
