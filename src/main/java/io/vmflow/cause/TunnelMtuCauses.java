package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.Ipv4;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tunnel wraps each frame in an outer header (VXLAN and Geneve 50 bytes over IPv4, 70 over IPv6;
 * GRE 38, 42 with a key), so the underlay device that carries the tunnel's local IP must take the
 * VM path's frames plus that much. {@code MTU_TUNNEL_OVERHEAD} names the tunnel, the underlay
 * device and both sizes: a WARNING when the underlay is smaller than the VM path itself (frames the
 * VM sends at its own MTU can never cross), INFO when only the overhead does not fit — the common
 * set-up where neutron tells guests a smaller MTU by DHCP, which the dump does not show.
 */
final class TunnelMtuCauses {

  static final String MTU_TUNNEL_OVERHEAD = "MTU_TUNNEL_OVERHEAD";

  private TunnelMtuCauses() {}

  static List<MtuCauses.Found> of(Vm vm, VmPort port, Map<String, HostEvidence> hosts) {
    List<MtuCauses.Found> out = new ArrayList<>();
    for (Hop hop : port.hops()) {
      if (hop.kind() != io.vmflow.topology.HopKind.TUNNEL) {
        continue;
      }
      HostEvidence h = hosts.get(Causes.lower(hop.host()));
      if (h != null) {
        check(vm, port, hop, h).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<MtuCauses.Found> check(Vm vm, VmPort port, Hop tunnel, HostEvidence h) {
    HostEvidence.Located<OvsVsctlShow.OvsInterface> row = h.tunnels.get(tunnel.device());
    if (row == null) {
      return Optional.empty();
    }
    OvsVsctlShow.OvsInterface i = row.value();
    String local = underlayAddress(i, h);
    String owner = h.addressOwners.get(local);
    if (owner == null) {
      return Optional.empty();
    }
    // the device holding the local IP, and where that is an OVS bridge's own port, the NICs the
    // bridge sends the encapsulated packets out of
    // (the NICs first: an OVS bridge's internal port follows its smallest NIC's MTU, so the NIC is
    // the one to name)
    List<String> underlay = new ArrayList<>(h.systemPorts.getOrDefault(owner, List.of()));
    underlay.add(owner);
    HostEvidence.Located<IpLink.LinkDevice> small = null;
    for (String d : underlay) {
      var l = h.link(d).orElse(null);
      if (l != null && (small == null || l.value().mtu() < small.value().mtu())) {
        small = l;
      }
    }
    Hop pathHop = null;
    int pathMtu = Integer.MAX_VALUE;
    for (Hop x : port.hops()) {
      if (!x.host().equalsIgnoreCase(tunnel.host()) || !carries(x)) {
        continue;
      }
      int m = h.link(x.device()).map(l -> l.value().mtu()).orElse(0);
      if (m > 0 && m < pathMtu) {
        pathMtu = m;
        pathHop = x;
      }
    }
    int overhead = overhead(i, local);
    if (small == null || pathHop == null || overhead == 0) {
      return Optional.empty();
    }
    int underlayMtu = small.value().mtu();
    if (underlayMtu >= pathMtu + overhead) {
      return Optional.empty();
    }
    boolean hard = underlayMtu < pathMtu;
    String nic = small.value().name();
    // said once per underlay device, whichever tunnel and VM led to it
    String message =
        i.type()
            + " tunnels of "
            + tunnel.host()
            + " add "
            + overhead
            + " bytes to each frame"
            + (i.type().equals("geneve") ? " or more" : "")
            + ", but "
            + nic
            + (nic.equals(owner) ? "" : ", the NIC of " + owner)
            + ", which holds their local IP "
            + local
            + ", has MTU "
            + underlayMtu
            + ": frames over "
            + (underlayMtu - overhead)
            + " bytes cannot cross while the VMs' paths take "
            + pathMtu
            + (hard
                ? ""
                : " (fine only if guests were given an MTU of at most "
                    + (underlayMtu - overhead)
                    + ", as neutron does by DHCP)");
    Finding f =
        Finding.network(
                hard ? Severity.WARNING : Severity.INFO,
                MTU_TUNNEL_OVERHEAD,
                message,
                small.origin(),
                small.value().line())
            .about("", "", tunnel.host())
            .withHint(
                "raise "
                    + nic
                    + "'s MTU to at least "
                    + (pathMtu + overhead)
                    + ", or lower the network's MTU to "
                    + (underlayMtu - overhead),
                List.of(
                    new Evidence(small.origin(), small.value().line()),
                    new Evidence(row.origin(), i.line())));
    List<String> devices = new ArrayList<>(List.of(tunnel.device(), owner));
    if (!nic.equals(owner)) {
      devices.add(nic);
    }
    return Optional.of(new MtuCauses.Found(f, tunnel.host(), devices, underlayMtu - overhead));
  }

  // local_ip names the underlay address; without it (or "flow") the device whose subnet holds the
  // remote end carries the tunnel
  private static String underlayAddress(OvsVsctlShow.OvsInterface i, HostEvidence h) {
    String local = i.options().getOrDefault("local_ip", "");
    if (!local.isEmpty() && !local.equals("flow")) {
      return local;
    }
    String remote = i.remoteIp();
    return h.prefixes.entrySet().stream()
        .filter(e -> Ipv4.inPrefix(e.getValue(), remote))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  private static int overhead(OvsVsctlShow.OvsInterface i, String local) {
    boolean v6 = local.contains(":");
    return switch (i.type()) {
      case "vxlan", "geneve" -> v6 ? 70 : 50;
      case "gre" ->
          (v6 ? 58 : 38)
              + (i.options().containsKey("key") || i.options().containsKey("out_key") ? 4 : 0);
      default -> 0;
    };
  }

  private static boolean carries(Hop h) {
    return switch (h.kind()) {
      case TAP, VETH_BRIDGE_SIDE, VETH_OVS_SIDE -> true;
      default -> false;
    };
  }
}
