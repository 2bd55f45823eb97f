package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.BridgeLinkShow;
import io.vmflow.parse.FirewallRules;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.spec.Spec;
import io.vmflow.topology.DeviceReadings;
import io.vmflow.topology.Fact;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one host's dump says about how it forwards and filters: flows and OpenFlow ports per bridge,
 * packet filter rules, device MTUs, and which of these outputs are in the dump at all.
 */
final class HostEvidence {

  /** A value with the entry it was read from. */
  record Located<T>(T value, String origin) {
    Evidence evidence(int line) {
      return new Evidence(origin, line);
    }
  }

  final String host;
  final Map<String, List<Located<OvsOfctlDumpFlows.Flow>>> flows = new LinkedHashMap<>();
  // bridge -> port name -> OpenFlow number
  final Map<String, Map<String, String>> ofports = new LinkedHashMap<>();
  final List<Located<FirewallRules.Rule>> rules = new ArrayList<>();
  final Map<String, Located<IpLink.LinkDevice>> links = new LinkedHashMap<>();
  // Linux bridge -> its ports (brctl show, bridge link, ip link's master)
  final Map<String, Set<String>> bridgePorts = new LinkedHashMap<>();
  final Set<Spec> seen = EnumSet.noneOf(Spec.class);
  // tunnel interface name -> its OVSDB row (type, local_ip, remote_ip)
  final Map<String, Located<OvsVsctlShow.OvsInterface>> tunnels = new LinkedHashMap<>();
  // OVS bridge -> its ports' system interfaces (type ""), the NICs a bridge's traffic leaves by
  final Map<String, List<String>> systemPorts = new LinkedHashMap<>();
  // address without prefix ("192.0.2.11") -> device holding it, from every ip addr reading
  final Map<String, String> addressOwners = new LinkedHashMap<>();
  // address without prefix -> the address with its prefix length ("192.0.2.11/24")
  final Map<String, String> prefixes = new LinkedHashMap<>();

  HostEvidence(String host) {
    this.host = host;
  }

  /** The facts of every host, by host key (lower case). */
  static Map<String, HostEvidence> index(List<Fact> facts) {
    Map<String, HostEvidence> out = new LinkedHashMap<>();
    for (Fact f : facts) {
      if (!f.host().isEmpty()) {
        out.computeIfAbsent(f.host().toLowerCase(Locale.ROOT), HostEvidence::new).add(f);
      }
    }
    return out;
  }

  private void add(Fact f) {
    seen.add(f.spec());
    Object v = f.value();
    if (v instanceof OvsOfctlDumpFlows d) {
      String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
      List<Located<OvsOfctlDumpFlows.Flow>> into =
          flows.computeIfAbsent(bridge, k -> new ArrayList<>());
      d.flows().forEach(x -> into.add(new Located<>(x, f.origin())));
    } else if (v instanceof OvsOfctlShow s) {
      String bridge = s.bridge().isEmpty() ? f.subject() : s.bridge();
      Map<String, String> ports = ofports.computeIfAbsent(bridge, k -> new LinkedHashMap<>());
      s.ports().forEach(p -> ports.put(p.name(), p.portNo().value()));
    } else if (v instanceof FirewallRules r) {
      r.rules().forEach(x -> rules.add(new Located<>(x, f.origin())));
    } else if (v instanceof OvsVsctlShow show) {
      for (OvsVsctlShow.OvsBridge b : show.bridges()) {
        for (OvsVsctlShow.OvsPort p : b.ports()) {
          for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
            if (TUNNEL_TYPES.contains(i.type())) {
              tunnels.putIfAbsent(i.name(), new Located<>(i, f.origin()));
            } else if (i.type().isEmpty() && !i.name().equals(b.name())) {
              List<String> ports = systemPorts.computeIfAbsent(b.name(), k -> new ArrayList<>());
              if (!ports.contains(i.name())) {
                ports.add(i.name());
              }
            }
          }
        }
      }
    } else if (v instanceof BrctlShow b) {
      for (BrctlShow.LinuxBridge br : b.bridges()) {
        bridgePorts.computeIfAbsent(br.name(), k -> new LinkedHashSet<>()).addAll(br.interfaces());
      }
    } else if (v instanceof BridgeLinkShow b) {
      for (BridgeLinkShow.Port p : b.ports()) {
        if (!p.master().isEmpty()) {
          bridgePorts.computeIfAbsent(p.master(), k -> new LinkedHashSet<>()).add(p.name());
        }
      }
    } else if (v instanceof IpLink l) {
      for (IpLink.LinkDevice d : l.devices()) {
        if (!d.master().isEmpty()) {
          bridgePorts.computeIfAbsent(d.master(), k -> new LinkedHashSet<>()).add(d.name());
        }
        for (String a : d.addresses()) {
          int slash = a.indexOf('/');
          String bare = slash < 0 ? a : a.substring(0, slash);
          addressOwners.putIfAbsent(bare, d.name());
          prefixes.putIfAbsent(bare, a);
        }
        if (d.mtu() > 0) {
          // the MTU a frame met is the newest reading's (the lab lowers a tap's MTU mid-capture)
          links.merge(
              d.name(),
              new Located<>(d, f.origin()),
              (old, now) -> DeviceReadings.newer(now.origin(), old.origin()) ? now : old);
        }
      }
    }
  }

  static final Set<String> TUNNEL_TYPES = Set.of("vxlan", "geneve", "gre", "stt");

  boolean isOvsBridge(String name) {
    return flows.containsKey(name) || ofports.containsKey(name);
  }

  /** The OpenFlow number of {@code port} on {@code bridge}, "" when unknown. */
  String ofport(String bridge, String port) {
    return ofports.getOrDefault(bridge, Map.of()).getOrDefault(port, "");
  }

  Optional<Located<IpLink.LinkDevice>> link(String name) {
    return Optional.ofNullable(links.get(name));
  }

  boolean hasFirewall() {
    return seen.contains(Spec.IPTABLES_SAVE)
        || seen.contains(Spec.IPTABLES_LIST)
        || seen.contains(Spec.NFT_LIST_RULESET)
        || seen.contains(Spec.EBTABLES_LIST);
  }
}
