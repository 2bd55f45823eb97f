package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.parse.FloatingIpList;
import io.vmflow.parse.NetworkShow;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@link L3Facts} of a dump: each network's MTU and {@code router:external} from {@code
 * net-show}, the DHCP agents' host files (the network is the file's folder), the floating IPs, and
 * the hosts whose {@code ip netns} the dump holds.
 */
final class L3Inventory {

  private L3Inventory() {}

  static L3Facts of(ControllerFacts ctl, Collection<HostFacts> hosts) {
    return new L3Facts(networks(ctl), dhcpHosts(ctl), floatingIps(ctl), netnsListings(hosts));
  }

  private static List<L3Facts.Network> networks(ControllerFacts ctl) {
    List<L3Facts.Network> out = new ArrayList<>();
    for (var n : ctl.networkShows.values()) {
      NetworkShow v = n.value();
      out.add(
          new L3Facts.Network(
              v.id(),
              v.name(),
              v.mtu().orElse(-1),
              external(v),
              new Evidence(n.origin(), v.line())));
    }
    return out;
  }

  // router:external True / False (neutron), External / Internal (openstack client); router_external
  // in -f json and -f shell
  private static String external(NetworkShow v) {
    return v.fields().entrySet().stream()
        .filter(e -> e.getKey().matches("(?i)router[:_]external"))
        .map(e -> e.getValue().trim().toLowerCase(Locale.ROOT))
        .map(x -> x.equals("true") || x.equals("external") ? "true" : "false")
        .findFirst()
        .orElse("");
  }

  private static List<L3Facts.DhcpHostFile> dhcpHosts(ControllerFacts ctl) {
    List<L3Facts.DhcpHostFile> out = new ArrayList<>();
    for (var d : ctl.dhcpHosts) {
      List<L3Facts.DhcpHostFile.Entry> entries = new ArrayList<>();
      for (var e : d.value().entries()) {
        entries.add(
            new L3Facts.DhcpHostFile.Entry(e.mac(), e.ip(), new Evidence(d.origin(), e.line())));
      }
      out.add(
          new L3Facts.DhcpHostFile(d.host(), d.subject(), entries, new Evidence(d.origin(), 1)));
    }
    return out;
  }

  private static List<L3Facts.FloatingIp> floatingIps(ControllerFacts ctl) {
    List<L3Facts.FloatingIp> out = new ArrayList<>();
    for (var f : ctl.floatingIps.values()) {
      FloatingIpList.FloatingIp v = f.value();
      out.add(
          new L3Facts.FloatingIp(
              v.floatingIp(),
              v.fixedIp(),
              v.portId(),
              v.networkId(),
              new Evidence(f.origin(), v.line())));
    }
    return out;
  }

  private static Map<String, String> netnsListings(Collection<HostFacts> hosts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (HostFacts h : hosts) {
      String origin = h.seen.get(Spec.IP_NETNS);
      if (origin != null) {
        out.put(h.key, origin);
      }
    }
    return out;
  }
}
