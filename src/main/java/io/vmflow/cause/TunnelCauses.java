package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsAppctlTnlPortsShow;
import io.vmflow.parse.OvsTunnels;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tunnel port OVSDB holds that the switch does not: an interface of a tunnel type in {@code
 * ovs-vsctl show} that {@code ovs-appctl ofproto/list-tunnels} of the same host does not list was
 * never set up in the datapath (a bad option, a clashing local endpoint), so traffic to that remote
 * host goes nowhere. Said for the VMs whose path crosses the port's bridge on that host, only where
 * the dump holds both outputs. With native (userspace) tunnelling, {@code ovs-appctl
 * tnl/ports/show} lists the UDP ports the datapath receives tunnels on: a VXLAN, Geneve or GTP-U
 * port whose UDP port has no listener there receives nothing. That listing is read only when it
 * names at least one listener (a kernel datapath prints the header alone, for every tunnel).
 */
final class TunnelCauses {

  static final String TUNNEL_NOT_IN_DATAPATH = "TUNNEL_NOT_IN_DATAPATH";
  private static final Set<String> TUNNEL_TYPES =
      Set.of("vxlan", "geneve", "gre", "stt", "erspan", "ip6gre", "ip6erspan", "gtpu", "bareudp");

  // the UDP port a tunnel type takes when options:dst_port does not say
  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("vxlan", 4789, "geneve", 6081, "gtpu", 2152);

  private TunnelCauses() {}

  static List<Finding> of(Topology t, List<Fact> facts) {
    Map<String, Set<String>> listed = new LinkedHashMap<>();
    for (Fact f : facts) {
      if (f.value() instanceof OvsTunnels tl && !f.host().isEmpty()) {
        Set<String> names = listed.computeIfAbsent(Causes.lower(f.host()), k -> new HashSet<>());
        tl.tunnels().forEach(x -> names.add(x.name()));
      }
    }
    List<Finding> out = new ArrayList<>();
    Set<String> said = new HashSet<>();
    Map<String, Fact> listeners = listeners(facts);
    for (Fact f : facts) {
      Set<String> known = listed.get(Causes.lower(f.host()));
      if (!(f.value() instanceof OvsVsctlShow show)) {
        continue;
      }
      Fact listening = listeners.get(Causes.lower(f.host()));
      if (listening != null) {
        unheard(out, t, f, show, (OvsAppctlTnlPortsShow) listening.value(), listening, said);
      }
      if (known == null) {
        continue;
      }
      for (OvsVsctlShow.OvsBridge b : show.bridges()) {
        for (OvsVsctlShow.OvsPort p : b.ports()) {
          for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
            if (TUNNEL_TYPES.contains(i.type())
                && !known.contains(i.name())
                && said.add(Causes.lower(f.host()) + "|" + i.name())) {
              tie(out, t, f.host(), b.name(), finding(f, b.name(), i));
            }
          }
        }
      }
    }
    return out;
  }

  // each host's tnl/ports/show that names at least one listener (native tunnelling is on)
  private static Map<String, Fact> listeners(List<Fact> facts) {
    Map<String, Fact> out = new LinkedHashMap<>();
    for (Fact f : facts) {
      if (f.value() instanceof OvsAppctlTnlPortsShow tp
          && !tp.listeners().isEmpty()
          && !f.host().isEmpty()) {
        out.put(Causes.lower(f.host()), f);
      }
    }
    return out;
  }

  // the UDP tunnels of OVSDB whose port the userspace datapath does not listen on
  private static void unheard(
      List<Finding> out,
      Topology t,
      Fact f,
      OvsVsctlShow show,
      OvsAppctlTnlPortsShow tp,
      Fact tpFact,
      Set<String> said) {
    for (OvsVsctlShow.OvsBridge b : show.bridges()) {
      for (OvsVsctlShow.OvsPort p : b.ports()) {
        for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
          int port = udpPort(i);
          if (port > 0 && !tp.listens(port) && said.add(Causes.lower(f.host()) + "|" + i.name())) {
            tie(out, t, f.host(), b.name(), notListening(f, b.name(), i, port, tpFact));
          }
        }
      }
    }
  }

  // the UDP port of a VXLAN, Geneve or GTP-U interface; -1 for any other
  private static int udpPort(OvsVsctlShow.OvsInterface i) {
    int port = DEFAULT_PORTS.getOrDefault(i.type(), -1);
    String dst = i.options().getOrDefault("dst_port", "");
    return port > 0 && dst.matches("\\d{1,5}") ? Integer.parseInt(dst) : port;
  }

  private static Finding notListening(
      Fact f, String bridge, OvsVsctlShow.OvsInterface i, int port, Fact tpFact) {
    String remote = i.remoteIp().isEmpty() ? "" : " to " + i.remoteIp();
    return Finding.network(
            Severity.WARNING,
            TUNNEL_NOT_IN_DATAPATH,
            i.name()
                + " ("
                + i.type()
                + remote
                + ", UDP "
                + port
                + ") on "
                + bridge
                + " of "
                + f.host()
                + " is in OVSDB but tnl/ports/show lists no listener on UDP "
                + port
                + ": the datapath receives nothing on it",
            f.origin(),
            i.line())
        .withHint(
            "check the interface's error column and options:dst_port (ovs-vsctl list interface "
                + i.name()
                + ") and ovs-vswitchd.log",
            List.of(new Evidence(f.origin(), i.line()), new Evidence(tpFact.origin(), 1)));
  }

  private static Finding finding(Fact f, String bridge, OvsVsctlShow.OvsInterface i) {
    String remote = i.remoteIp().isEmpty() ? "" : " to " + i.remoteIp();
    return Finding.network(
            Severity.WARNING,
            TUNNEL_NOT_IN_DATAPATH,
            i.name()
                + " ("
                + i.type()
                + remote
                + ") on "
                + bridge
                + " of "
                + f.host()
                + " is in OVSDB but ofproto/list-tunnels does not list it: the switch never set it"
                + " up"
                + (i.error().isEmpty() ? "" : " (error: " + i.error() + ")"),
            f.origin(),
            i.line())
        .withHint(
            "check the interface's error column and options (ovs-vsctl list interface "
                + i.name()
                + ") and ovs-vswitchd.log",
            List.of(new Evidence(f.origin(), i.line())));
  }

  // the VMs whose path crosses the tunnel's bridge; where paths stop at br-int (no tunnel hop
  // traced), those reaching br-int on that host, whose traffic to other hosts takes the tunnels
  private static void tie(List<Finding> out, Topology t, String host, String bridge, Finding base) {
    List<Vm> vms = crossing(t, host, bridge);
    if (vms.isEmpty()) {
      vms = crossing(t, host, "br-int");
    }
    if (vms.isEmpty()) {
      out.add(base.about("", "", host));
    }
    vms.forEach(vm -> out.add(base.about(vm.id(), "", host)));
  }

  private static List<Vm> crossing(Topology t, String host, String device) {
    return t.vms().stream()
        .filter(
            vm ->
                vm.ports().stream()
                    .flatMap(p -> p.hops().stream())
                    .anyMatch(h -> h.host().equalsIgnoreCase(host) && h.device().equals(device)))
        .toList();
  }
}
