package io.vmflow.job;

import io.vmflow.check.VmFinding;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.IcmpEcho;
import io.vmflow.parse.TcpdumpText;
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
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Topology topology = CorrelateTasklet.loader(results).apply(instance);
    Map<String, List<PingRow>> rows = new LinkedHashMap<>();
    Map<String, List<LossRow>> losses = new LinkedHashMap<>();
    Map<String, List<PointTimeline>> timelines = new LinkedHashMap<>();
    List<VmFinding> found = new ArrayList<>();
    for (Vm vm : topology.vms()) {
      for (VmPort port : vm.ports()) {
        assign(vm, port, stats, rows, losses, timelines, found);
      }
    }
    betweenVms(topology, stats, losses, found);
    results.put(instance, PingStage.PINGS, new PingStage.PingsByVm(rows));
    results.put(instance, PingStage.LOSSES, new PingStage.LossesByVm(losses));
    results.put(instance, PingStage.TIMELINES, new PingStage.TimelinesByVm(timelines));
    findings.replace(instance, "ping", found);
    log.info("paired echoes at {} capture points and flows; {} VMs with pings", stats.size(), rows.size());
    return RepeatStatus.FINISHED;
  }

  private static void assign(Vm vm, VmPort port, List<PointFlowStats> stats, Map<String, List<PingRow>> rows,
      Map<String, List<LossRow>> losses, Map<String, List<PointTimeline>> timelines, List<VmFinding> found) {
    List<String> path = port.hops().stream().map(Hop::device).toList();
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    for (String device : path) {
      for (PointFlowStats s : stats) {
        boolean mine = port.ips().isEmpty() || port.ips().contains(s.src()) || port.ips().contains(s.dst());
        if (s.point().equals(device) && mine) {
          rows.computeIfAbsent(vm.id(), k -> new ArrayList<>()).add(row(s));
          byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(device, s);
          if (s.unanswered() > 0) {
            found.add(new VmFinding(vm.id(), vm.hostKey(), Finding.network(Severity.WARNING, PING_UNANSWERED,
                s.unanswered() + " of " + s.requests() + " echo requests (" + s.flow() + ") at " + device + " got no reply", s.origin(), 0),
                "compare with the next capture point along the path", List.of()));
          }
        }
      }
    }
    byFlow.values().forEach(points -> timelines.computeIfAbsent(vm.id(), k -> new ArrayList<>()).addAll(Timelines.of(path, points)));
    for (Map.Entry<String, Map<String, PointFlowStats>> f : byFlow.entrySet()) {
      PointFlowStats any = f.getValue().values().iterator().next();
      boolean outward = port.ips().contains(any.src());
      for (LossSegment l : LossLocaliser.localise(path, f.getValue(), outward)) {
        losses.computeIfAbsent(vm.id(), k -> new ArrayList<>()).add(new LossRow(l.from(), l.to(), l.direction(), l.lost(), l.flow(), l.sentence()));
        found.add(new VmFinding(vm.id(), vm.hostKey(), Finding.network(Severity.ERROR, PING_LOSS_LOCALISED, l.sentence(), any.origin(), 0),
            "inspect " + (l.inside().isEmpty() ? "the link between " + l.from() + " and " + l.to() : l.inside()) + " (flows, filters, port state)", List.of()));
      }
    }
  }

  /**
   * A flow between two VMs of the dump follows one path: the source VM's hops outward, then the
   * destination VM's hops inward (one integration bridge when both sit on one host). Loss between
   * the last point of one half and the first of the other lies in between: br-int or the tunnel.
   */
  private static void betweenVms(Topology topology, List<PointFlowStats> stats, Map<String, List<LossRow>> losses, List<VmFinding> found) {
    Map<String, Map<String, PointFlowStats>> byFlow = new LinkedHashMap<>();
    stats.forEach(s -> byFlow.computeIfAbsent(s.flow(), k -> new LinkedHashMap<>()).put(s.point(), s));
    for (Map<String, PointFlowStats> points : byFlow.values()) {
      PointFlowStats any = points.values().iterator().next();
      var a = portWith(topology, any.src());
      var b = portWith(topology, any.dst());
      if (a == null || b == null || a.getKey() == b.getKey()) {
        continue;
      }
      List<String> out = a.getValue().hops().stream().map(Hop::device).toList();
      List<String> in = new ArrayList<>(b.getValue().hops().stream().map(Hop::device).toList());
      java.util.Collections.reverse(in);
      List<String> path = new ArrayList<>(out);
      boolean oneHost = !a.getValue().hops().isEmpty() && !b.getValue().hops().isEmpty()
          && a.getValue().hops().get(0).host().equals(b.getValue().hops().get(0).host());
      in.stream().filter(d -> !(oneHost && path.contains(d))).forEach(path::add);
      for (LossSegment l : LossLocaliser.localise(path, points, true)) {
        boolean crosses = out.contains(l.from()) != out.contains(l.to());
        if (!crosses) {
          continue;
        }
        LossRow row = new LossRow(l.from(), l.to(), l.direction(), l.lost(), l.flow(), l.sentence());
        for (Vm vm : List.of(a.getKey(), b.getKey())) {
          losses.computeIfAbsent(vm.id(), k -> new ArrayList<>()).add(row);
          found.add(new VmFinding(vm.id(), vm.hostKey(), Finding.network(Severity.ERROR, PING_LOSS_LOCALISED, l.sentence(), any.origin(), 0),
              "between the two VMs' paths: inspect " + (l.inside().isEmpty() ? "the integration bridge or the tunnel" : l.inside()), List.of()));
        }
      }
    }
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
    return new PingRow(s.point(), s.flow(), s.src(), s.dst(), s.id(), s.requests(), s.replies(), s.answered(), s.unanswered(),
        s.outsideWindow(), s.duplicates(), s.rttMinMs(), s.rttAvgMs(), s.rttMaxMs(), s.rttHistogram(), s.origin());
  }
}
