package io.vmflow.job;

import io.vmflow.check.VmFinding;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.IcmpEcho;
import io.vmflow.parse.TcpdumpText;
import io.vmflow.ping.CapturedPoint;
import io.vmflow.ping.LossCase;
import io.vmflow.ping.LossLocaliser;
import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PingPairer;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.report.LossRow;
import io.vmflow.report.PingRow;
import io.vmflow.report.PointTimeline;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * pingStep: pairs the echoes seen at every capture point (tcpdump text facts and the captures
 * step's results), assigns each point to the VM whose path holds it, and localises loss along that
 * path.
 */
class PingTasklet implements Tasklet {

  static final String PING_UNANSWERED = "PING_UNANSWERED";
  static final String PING_LOSS_LOCALISED = "PING_LOSS_LOCALISED";
  private static final Logger log = LoggerFactory.getLogger(PingTasklet.class);

  private final FactStore facts;
  private final FindingStore findings;
  private final StageResultStore results;

  PingTasklet(FactStore facts, FindingStore findings, StageResultStore results) {
    this.facts = facts;
    this.findings = findings;
    this.results = results;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long instance = RunScope.of(contribution.getStepExecution().getJobExecution()).instanceId();
    List<PointFlowStats> seen = new ArrayList<>(CaptureResults.load(results, instance));
    Map<String, PingPairer> text = new LinkedHashMap<>();
    for (FactStore.StoredFact f : facts.list(instance)) {
      if (f.value() instanceof TcpdumpText t) {
        for (IcmpEcho e : t.echoes()) {
          text.computeIfAbsent(e.point(), PingPairer::new).add(e);
        }
      }
    }
    text.values().forEach(p -> seen.addAll(p.finish()));
    Map<String, PointFlowStats> merged = new LinkedHashMap<>();
    for (PointFlowStats s : seen) {
      merged.merge(s.point() + "|" + s.flow(), s, PointFlowStats::merge);
    }
    List<PointFlowStats> stats = new ArrayList<>(merged.values());
    Map<String, List<CapturedPoint>> captured = new LinkedHashMap<>();
    CaptureResults.points(results, instance)
        .forEach(c -> captured.computeIfAbsent(c.point(), k -> new ArrayList<>()).add(c));
    Topology topology = CorrelateTasklet.loader(results).apply(instance);
    Map<String, List<PingRow>> rows = new LinkedHashMap<>();
    Map<String, List<LossRow>> losses = new LinkedHashMap<>();
    Map<String, List<PointTimeline>> timelines = new LinkedHashMap<>();
    List<VmFinding> found = new ArrayList<>();
    List<LossCase> cases = new ArrayList<>();
    for (Vm vm : topology.vms()) {
      for (VmPort port : vm.ports()) {
        assign(vm, port, stats, captured, rows, losses, timelines, found, cases);
      }
    }
    betweenVms(topology, stats, captured, losses, found, cases);
    results.put(instance, PingStage.LOSS_CASES, new PingStage.LossCases(cases));
    results.put(instance, PingStage.PINGS, new PingStage.PingsByVm(rows));
    results.put(instance, PingStage.LOSSES, new PingStage.LossesByVm(losses));
    results.put(instance, PingStage.TIMELINES, new PingStage.TimelinesByVm(timelines));
    findings.replace(instance, "ping", found);
    log.info(
        "paired echoes at {} capture points and flows; {} VMs with pings",
        stats.size(),
        rows.size());
    return RepeatStatus.FINISHED;
  }

  private static void assign(
      Vm vm,
      VmPort port,
      List<PointFlowStats> stats,
      Map<String, List<CapturedPoint>> captured,
      Map<String, List<PingRow>> rows,
      Map<String, List<LossRow>> losses,
      Map<String, List<PointTimeline>> timelines,
      List<VmFinding> found,
      List<LossCase> cases) {
    List<String> path = names(port.hops());
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    for (String device : path) {
      for (PointFlowStats s : stats) {
        boolean mine =
            port.ips().isEmpty() || port.ips().contains(s.src()) || port.ips().contains(s.dst());
        if (s.point().equals(device) && mine) {
          rows.computeIfAbsent(vm.id(), k -> new ArrayList<>()).add(row(s));
          byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(device, s);
          // said once per flow, at the point nearest the VM; where it stops is the loss segments'
          // job
          if (s.unanswered() > 0 && byFlow.get(s.flow()).size() == 1) {
            found.add(
                new VmFinding(
                    vm.id(),
                    vm.hostKey(),
                    Finding.network(
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
                        0),
                    "compare with the next capture point along the path",
                    List.of()));
          }
        }
      }
    }
    byFlow
        .values()
        .forEach(
            points ->
                timelines
                    .computeIfAbsent(vm.id(), k -> new ArrayList<>())
                    .addAll(Timelines.of(path, points)));
    for (Map.Entry<String, Map<String, PointFlowStats>> f : byFlow.entrySet()) {
      PointFlowStats any = f.getValue().values().iterator().next();
      boolean outward = port.ips().contains(any.src());
      for (LossSegment l :
          LossLocaliser.localise(
              path,
              withSilentPoints(path, f.getValue(), captured, carriers(port.hops())),
              outward)) {
        losses
            .computeIfAbsent(vm.id(), k -> new ArrayList<>())
            .add(new LossRow(l.from(), l.to(), l.direction(), l.lost(), l.flow(), l.sentence()));
        cases.add(LossCases.of(vm.id(), port.hops(), l, any));
        found.add(
            new VmFinding(
                vm.id(),
                vm.hostKey(),
                Finding.network(Severity.ERROR, PING_LOSS_LOCALISED, l.sentence(), any.origin(), 0),
                "inspect "
                    + (l.inside().isEmpty()
                        ? "the link between " + l.from() + " and " + l.to()
                        : l.inside())
                    + " (flows, filters, port state)",
                List.of()));
      }
    }
  }

  /**
   * A flow between two VMs of the dump follows one path: the source VM's hops outward up to the
   * first device the destination VM's path also reaches (br-int when both sit on one host, the
   * peer's integration bridge across a tunnel), then the destination VM's hops inward. Loss between
   * the last point of one half and the first of the other lies in between.
   */
  private static void betweenVms(
      Topology topology,
      List<PointFlowStats> stats,
      Map<String, List<CapturedPoint>> captured,
      Map<String, List<LossRow>> losses,
      List<VmFinding> found,
      List<LossCase> cases) {
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
      List<Hop> pathHops = vmToVmHops(a.getValue().hops(), b.getValue().hops(), out);
      List<String> path = names(pathHops);
      Set<String> carriers = carriers(a.getValue().hops());
      carriers.addAll(carriers(b.getValue().hops()));
      for (LossSegment l :
          LossLocaliser.localise(path, withSilentPoints(path, points, captured, carriers), true)) {
        boolean crosses = out.contains(l.from()) != out.contains(l.to());
        if (!crosses) {
          continue;
        }
        LossRow row =
            new LossRow(l.from(), l.to(), l.direction(), l.lost(), l.flow(), l.sentence());
        for (Vm vm : List.of(a.getKey(), b.getKey())) {
          losses.computeIfAbsent(vm.id(), k -> new ArrayList<>()).add(row);
          cases.add(LossCases.of(vm.id(), pathHops, l, any));
          found.add(
              new VmFinding(
                  vm.id(),
                  vm.hostKey(),
                  Finding.network(
                      Severity.ERROR, PING_LOSS_LOCALISED, l.sentence(), any.origin(), 0),
                  "between the two VMs' paths: inspect "
                      + (l.inside().isEmpty()
                          ? "the integration bridge or the tunnel"
                          : l.inside()),
                  List.of()));
        }
      }
    }
  }

  /**
   * Source hops up to the junction with the destination's path, then the destination's hops back to
   * its VM.
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
   * The flow's points on {@code path}, plus an empty sighting for every point of the path that was
   * captured on while the flow went on but never saw it: the flow did not get there.
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
        if (c.frames() > 0) {
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

  private static Map.Entry<Vm, VmPort> portWith(Topology topology, String ip) {
    for (Vm vm : topology.vms()) {
      for (VmPort p : vm.ports()) {
        if (p.ips().contains(ip) && !p.hops().isEmpty()) {
          return Map.entry(vm, p);
        }
      }
    }
    return null;
  }

  private static PingRow row(PointFlowStats s) {
    return new PingRow(
        s.point(),
        s.flow(),
        s.src(),
        s.dst(),
        s.id(),
        s.requests(),
        s.replies(),
        s.answered(),
        s.unanswered(),
        s.outsideWindow(),
        s.duplicates(),
        s.rttMinMs(),
        s.rttAvgMs(),
        s.rttMaxMs(),
        s.rttHistogram(),
        s.origin());
  }
}
