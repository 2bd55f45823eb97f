package io.vmflow.cause;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entry point of the cause stage: the findings that say why, each linked to the loss it explains.
 */
public final class Causes {

  private Causes() {}

  /**
   * @param findings the cause findings (new ones: flows, firewall rules, MTUs)
   * @param links for every loss, the findings (new or earlier stages') that explain it
   */
  public record Result(List<Finding> findings, List<LossCause> links) {
    public Result {
      findings = List.copyOf(findings);
      links = List.copyOf(links);
    }
  }

  /** A finding with the devices it concerns on one host. */
  /** {@code fits}: for an MTU, the largest IP packet that passes; 0 for any other finding. */
  private record Found(Finding finding, String host, Set<String> devices, int fits) {

    Found(Finding finding, String host, Set<String> devices) {
      this(finding, host, devices, 0);
    }
  }

  /**
   * @param earlier findings of the check stage; those on a device of a loss segment are linked too
   * @param losses every localised loss
   * @param traces what the replica trace said, as findings on devices ({@code FLOW_TRACE_*})
   */
  public static Result explain(
      Topology topology, List<Fact> dumped, List<Finding> earlier, List<LossCase> losses) {
    // the neutron agents' local-time logs on UTC, as captures and the switch's logs are
    HostClocks clocks = HostClocks.of(dumped);
    List<Fact> facts = clocks.onUtc(dumped);
    Map<String, HostEvidence> hosts = HostEvidence.index(facts);
    Map<String, Finding> findings = new LinkedHashMap<>();
    clocks.findings(facts).forEach(f -> findings.putIfAbsent(key(f), f));
    List<Found> standing = new ArrayList<>();
    // a flow to a missing port is said whether or not a loss crosses it; a loss cites it when the
    // flow's match covers the lost packet (Segments.flows)
    FlowCauses.missingPorts(hosts).forEach(f -> findings.putIfAbsent(key(f), f));
    for (Vm vm : topology.vms()) {
      for (VmPort port : vm.ports()) {
        for (Map.Entry<String, List<String>> d : devicesByHost(port).entrySet()) {
          HostEvidence h = hosts.get(lower(d.getKey()));
          if (h != null) {
            // said without a loss; a loss cites the rule only when it admits the lost packet
            FirewallCauses.icmpDrops(h, d.getValue(), vm.id())
                .forEach(f -> findings.putIfAbsent(key(f), f));
          }
        }
        List<MtuCauses.Found> mtus = MtuCauses.of(vm, port, hosts);
        for (MtuCauses.Found m : mtus) {
          standing.add(
              new Found(m.finding(), m.host(), new LinkedHashSet<>(m.devices()), m.fits()));
        }
        // the network's MTU against the path's, when the path's devices agree among themselves
        if (mtus.isEmpty()) {
          NetworkMtuCauses.of(topology, vm, port, hosts)
              .ifPresent(
                  m ->
                      standing.add(
                          new Found(
                              m.finding(), m.host(), new LinkedHashSet<>(m.devices()), m.fits())));
        }
        // a tunnel whose underlay cannot take the path's frames; said at INFO when only the
        // guest's MTU (not in the dump) decides, and then no loss is pinned on it
        for (MtuCauses.Found m : TunnelMtuCauses.of(vm, port, hosts)) {
          if (m.finding().severity() == Severity.INFO) {
            findings.putIfAbsent(key(m.finding()), m.finding());
          } else {
            standing.add(
                new Found(m.finding(), m.host(), new LinkedHashSet<>(m.devices()), m.fits()));
          }
        }
      }
    }
    standing.forEach(s -> findings.putIfAbsent(key(s.finding()), s.finding()));
    // drop and error counters of VM-facing devices; a loss cites the drops that grew by its count
    List<CounterCauses.Found> counters = CounterCauses.of(topology, facts, hosts);
    counters.forEach(c -> findings.putIfAbsent(key(c.finding()), c.finding()));
    DatapathCauses.of(topology, facts).forEach(f -> findings.putIfAbsent(key(f), f));
    // the switch's drop counters, flow limit and MAC tables, for the VMs whose path crosses it
    SwitchHealthCauses.of(topology, facts).forEach(f -> findings.putIfAbsent(key(f), f));
    TunnelCauses.of(topology, facts).forEach(f -> findings.putIfAbsent(key(f), f));
    // the switch daemon's log: events on the host's timeline, restarts and resubmit loops
    LogEvents.of(facts).forEach(f -> findings.putIfAbsent(key(f), f));
    // the switch database's and neutron agents' logs: starts, errors, resyncs, a lost switch
    DaemonLogEvents.of(facts).forEach(f -> findings.putIfAbsent(key(f), f));
    // and those of its events that fell inside a capture, for the VMs on that host
    CaptureWindowEvents.of(topology, facts).forEach(f -> findings.putIfAbsent(key(f), f));
    // the controller's security groups: their ingress rules listed per VM port, at INFO
    SecurityGroupCauses groups = SecurityGroupCauses.of(facts);
    groups.rulesOf(topology).forEach(f -> findings.putIfAbsent(key(f), f));
    for (Finding e : earlier) {
      if (e.severity() != Severity.INFO && !e.hostKey().isEmpty()) {
        standing.add(new Found(e, e.hostKey(), Set.of()));
      }
    }
    List<LossCause> links = new ArrayList<>();
    for (LossCase loss : losses) {
      List<Finding> found = new ArrayList<>();
      found.addAll(Segments.flows(topology, hosts, loss));
      List<Finding> hostDrops = Segments.firewalls(topology, hosts, loss);
      found.addAll(hostDrops);
      found.addAll(groups.explain(topology, loss));
      groups.outOfSync(topology, loss, hostDrops).ifPresent(found::add);
      found.forEach(f -> findings.putIfAbsent(key(f), f));
      for (Found s : standing) {
        if (concerns(s, loss)) {
          found.add(s.finding());
        }
      }
      counters.stream()
          .filter(c -> CounterCauses.covers(c, loss))
          .forEach(c -> found.add(c.finding()));
      links.add(link(loss, found, hosts));
    }
    return new Result(List.copyOf(findings.values()), links);
  }

  private static Map<String, List<String>> devicesByHost(VmPort port) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    port.hops().forEach(h -> out.computeIfAbsent(h.host(), k -> new ArrayList<>()).add(h.device()));
    return out;
  }

  private static String key(Finding f) {
    return f.vmId() + "|" + f.code() + "|" + f.message();
  }

  // a standing finding explains a loss when one of its devices is on the segment on its host; an
  // earlier stage's finding of the same VM when its message names such a device
  private static boolean concerns(Found s, LossCase loss) {
    // an MTU drops only packets larger than it: a flow whose echoes all fit lost them otherwise
    if (s.fits() > 0 && loss.ipBytes() > 0 && loss.ipBytes() <= s.fits()) {
      return false;
    }
    for (int i = 0; i < loss.devices().size(); i++) {
      String device = loss.devices().get(i);
      if (!loss.hosts().get(i).equalsIgnoreCase(s.host())) {
        continue;
      }
      if (s.devices().contains(device)) {
        return true;
      }
      boolean mine = s.finding().vmId().isEmpty() || s.finding().vmId().equals(loss.vmId());
      if (s.devices().isEmpty() && mine && mentions(s.finding().message(), device)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentions(String message, String device) {
    int at = message.indexOf(device);
    while (at >= 0) {
      int end = at + device.length();
      boolean before = at == 0 || !Character.isLetterOrDigit(message.charAt(at - 1));
      boolean after =
          end >= message.length()
              || !(Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '-');
      if (before && after) {
        return true;
      }
      at = message.indexOf(device, at + 1);
    }
    return false;
  }

  private static LossCause link(LossCase loss, List<Finding> found, Map<String, HostEvidence> h) {
    Map<String, LossCause.Ref> refs = new LinkedHashMap<>();
    found.stream()
        .sorted(
            java.util.Comparator.comparing(
                (Finding f) -> f.severity(), java.util.Comparator.reverseOrder()))
        .forEach(
            f ->
                refs.putIfAbsent(
                    f.code() + "|" + f.message(),
                    new LossCause.Ref(f.code(), f.severity().name(), f.message(), f.evidence())));
    String missing = refs.isEmpty() ? Segments.missing(loss, h) : "";
    return new LossCause(loss.vmId(), loss.sentence(), List.copyOf(refs.values()), missing);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
