package io.vmflow.trace;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A traced packet that leaves the switch by a port that is not its destination's: another VM's
 * device on the host (a rule or MAC entry pointing there), or, when the destination VM is on this
 * host, any other port. A flood (the MAC table did not know the destination), and a packet that
 * leaves by a tunnel or uplink toward a destination on another host, are not misdeliveries.
 */
final class Misdelivery {

  static final String FLOW_TRACE_MISDELIVERS = "FLOW_TRACE_MISDELIVERS";

  // devices every VM of the host shares: they belong to no one VM
  private static final Set<HopKind> SHARED =
      EnumSet.of(
          HopKind.INTEGRATION_BRIDGE,
          HopKind.TUNNEL_BRIDGE,
          HopKind.TUNNEL,
          HopKind.PROVIDER_BRIDGE,
          HopKind.PHYSICAL_NIC,
          HopKind.REMOTE_HOST,
          HopKind.ROUTER_PORT,
          HopKind.VM);

  private Misdelivery() {}

  /** A port the packet left by: its name and the bridge it is on ("" when unknown). */
  record Exit(String port, String bridge, boolean tunnel) {}

  static Optional<Finding> check(
      HostReplica h,
      Topology t,
      LossCase l,
      String entering,
      HostReplica.Traced traced,
      DatapathActions actions) {
    List<Exit> exits = exits(h, actions);
    String host = h.host.key();
    Optional<Vm> dest = vmOf(t, l.packetDst());
    Set<String> destDevices = new LinkedHashSet<>();
    dest.ifPresent(
        v ->
            v.ports()
                .forEach(
                    p ->
                        p.hops()
                            .forEach(
                                x -> {
                                  if (x.host().equalsIgnoreCase(host)
                                      && !SHARED.contains(x.kind())) {
                                    destDevices.add(x.device());
                                  }
                                })));
    if (exits.isEmpty() || exits.stream().anyMatch(e -> destDevices.contains(e.port()))) {
      return Optional.empty();
    }
    Map<String, Vm> owners = owners(t, host);
    List<Exit> wrong = new ArrayList<>();
    for (Exit e : exits) {
      Vm owner = owners.get(e.port());
      boolean other = owner != null && (dest.isEmpty() || !owner.id().equals(dest.get().id()));
      if (other || !destDevices.isEmpty()) {
        wrong.add(e);
      } else {
        // toward a tunnel or uplink: the destination may well be that way
        return Optional.empty();
      }
    }
    // a flood's copies reach every port of the VLAN, other VMs' too, by design (their guests drop
    // them): no rule or MAC entry sent the packet there
    wrong.removeIf(e -> byFlood(h, traced.trace().steps(), e));
    if (wrong.isEmpty()) {
      return Optional.empty();
    }
    Exit first = wrong.get(0);
    Optional<OvsAppctlOfprotoTrace.Step> rule =
        Rules.sender(h, traced.trace().steps(), first.bridge(), first.port());
    Optional<Rules.DumpLine> line = rule.flatMap(s -> Rules.dumpLine(h, s));
    List<Evidence> evidence = new ArrayList<>();
    line.ifPresent(d -> evidence.add(new Evidence(d.origin(), d.line())));
    evidence.add(new Evidence(traced.file().toString(), rule.map(s -> s.line()).orElse(0)));
    String message =
        "traced on a replica of "
            + host
            + "'s switches, the lost echo "
            + (l.icmpType() == 8 ? "request" : "reply")
            + " ("
            + l.packetSrc()
            + " > "
            + l.packetDst()
            + ") entering "
            + entering
            + " leaves by "
            + String.join(", ", wrong.stream().map(e -> whose(e, owners)).toList())
            + ", not toward "
            + dest.map(v -> v.name() + ", its destination").orElse("its destination")
            + rule.map(s -> ": sent there by " + sender(s, line)).orElse("")
            + "; datapath actions: "
            + traced.trace().datapathActions();
    Evidence at = evidence.get(0);
    return Optional.of(
        Finding.network(Severity.ERROR, FLOW_TRACE_MISDELIVERS, message, at.origin(), at.line())
            .about(l.vmId(), "", host)
            .withHint(
                "a rule or MAC table entry sends the VM's traffic to a port that is not its"
                    + " destination's: find who installed it (its cookie) and remove it; "
                    + TraceFindings.where(traced.file()),
                evidence));
  }

  /**
   * True when a bridge's MAC table did not know the destination and flooded the VLAN ({@code -> no
   * learned MAC for destination, flooding}): its copies reach every port of the VLAN, other VMs'
   * too, by design (their guests drop them), so no rule or MAC entry sent it astray. The replica
   * floods whenever the dump's FDB lacks the destination, as the switch then did.
   */
  static boolean floods(OvsAppctlOfprotoTrace.Step step) {
    return step.actions().contains("NORMAL")
        && step.actions().stream().anyMatch(a -> a.startsWith("->") && a.contains("flooding"));
  }

  // the packet left by this port as a flood copy: no rule of the port's own bridge names the
  // port, and that bridge's MAC table flooded it
  private static boolean byFlood(HostReplica h, List<OvsAppctlOfprotoTrace.Step> steps, Exit e) {
    Bridge b = h.bridges.get(e.bridge());
    if (b == null) {
      return false;
    }
    List<OvsAppctlOfprotoTrace.Step> own =
        steps.stream().filter(s -> s.bridge().equals(e.bridge())).toList();
    boolean named =
        own.stream()
            .flatMap(s -> s.actions().stream())
            .anyMatch(a -> Rules.target(b, a).filter(p -> p.name().equals(e.port())).isPresent());
    return !named && own.stream().anyMatch(Misdelivery::floods);
  }

  private static String sender(OvsAppctlOfprotoTrace.Step s, Optional<Rules.DumpLine> line) {
    String actions = line.map(d -> String.join(",", d.flow().actions())).orElse("");
    if (actions.isEmpty()) {
      actions = String.join(",", s.actions().stream().filter(a -> !a.startsWith("->")).toList());
    }
    boolean normal = s.actions().contains("NORMAL");
    return Rules.describe(s)
        + (actions.isEmpty() ? "" : ", actions " + actions)
        + (normal ? " (its MAC table chose the port)" : "")
        + line.map(d -> " (dump line " + d.line() + ")").orElse("");
  }

  private static String whose(Exit e, Map<String, Vm> owners) {
    Vm v = owners.get(e.port());
    if (v == null) {
      return e.port() + (e.tunnel() ? " (a tunnel)" : "");
    }
    List<String> ips = v.ports().stream().flatMap(p -> p.ips().stream()).toList();
    return e.port()
        + ", a port of "
        + v.name()
        + (ips.isEmpty() ? "" : " (" + String.join(", ", ips) + ")");
  }

  // the datapath outputs as switch ports: a tunnel output is the tunnel port with that remote,
  // the bridges' own internal ports are left out (a flood's copy to the host)
  private static List<Exit> exits(HostReplica h, DatapathActions actions) {
    List<Exit> out = new ArrayList<>();
    for (DatapathActions.Output o : actions.outputs()) {
      String name = h.datapathPorts.getOrDefault(o.port(), "");
      String bridge = "";
      for (Bridge b : h.bridges.values()) {
        for (BridgePort p : b.ports()) {
          boolean same = o.isTunnel() ? p.remoteIp().equals(o.tunDst()) : p.name().equals(name);
          if (same && bridge.isEmpty()) {
            name = p.name();
            bridge = b.name();
          }
        }
      }
      if (name.isEmpty()) {
        name = o.isTunnel() ? "a tunnel to " + o.tunDst() : "datapath port " + o.port();
      }
      final String port = name;
      boolean tunnel =
          o.isTunnel()
              || h.bridges.values().stream()
                  .flatMap(b -> b.ports().stream())
                  .anyMatch(p -> p.name().equals(port) && p.type().matches(TunnelHop.TUNNEL_TYPES));
      if (!h.bridges.containsKey(name)) {
        out.add(new Exit(name, bridge, tunnel));
      }
    }
    return out;
  }

  /** Each device on the host that one VM's path alone has, with that VM. */
  static Map<String, Vm> owners(Topology t, String host) {
    Map<String, Vm> out = new LinkedHashMap<>();
    Set<String> shared = new LinkedHashSet<>();
    for (Vm v : t.vms()) {
      for (VmPort p : v.ports()) {
        for (Hop x : p.hops()) {
          if (!x.host().equalsIgnoreCase(host) || SHARED.contains(x.kind())) {
            continue;
          }
          Vm before = out.putIfAbsent(x.device(), v);
          if (before != null && !before.id().equals(v.id())) {
            shared.add(x.device());
          }
        }
      }
    }
    shared.forEach(out::remove);
    return out;
  }

  static Optional<Vm> vmOf(Topology t, String ip) {
    return t.vms().stream()
        .filter(v -> v.ports().stream().anyMatch(p -> p.ips().contains(ip)))
        .findFirst();
  }
}
