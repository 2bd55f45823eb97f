package io.vmflow.cause;

import io.vmflow.finding.Finding;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Topology;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a loss segment in the order the packets travel: at each OpenFlow bridge the lost packet
 * enters through the previous device's port; at each host the firewall rules on the segment's
 * devices.
 */
final class Segments {

  private Segments() {}

  /** Flows on the segment's bridges that drop the lost packet or send it to a missing port. */
  static List<Finding> flows(Topology t, Map<String, HostEvidence> hosts, LossCase loss) {
    List<Finding> out = new ArrayList<>();
    String dlSrc = mac(t, loss.packetSrc());
    String dlDst = mac(t, loss.packetDst());
    for (int i = 0; i < loss.devices().size(); i++) {
      String bridge = loss.devices().get(i);
      HostEvidence h = hosts.get(Causes.lower(loss.hosts().get(i)));
      if (h == null || !h.isOvsBridge(bridge)) {
        continue;
      }
      String in = "";
      if (i > 0 && loss.hosts().get(i - 1).equalsIgnoreCase(loss.hosts().get(i))) {
        in = patchFrom(t, loss.hosts().get(i), loss.devices().get(i - 1), bridge);
      }
      String inNo = in.isEmpty() ? "" : h.ofport(bridge, in);
      boolean trunk = in.startsWith("patch-") || in.startsWith("int-br-") || in.startsWith("phy-");
      Packet p =
          new Packet(
              dlSrc,
              dlDst,
              loss.packetSrc(),
              loss.packetDst(),
              loss.icmpType(),
              in,
              inNo,
              trunk || in.isEmpty() ? Packet.VLAN_UNKNOWN : -1);
      for (HostEvidence.Located<OvsOfctlDumpFlows.Flow> f :
          h.flows.getOrDefault(bridge, List.of())) {
        OvsOfctlDumpFlows.Flow flow = f.value();
        if (!FlowMatch.covers(flow, p)) {
          continue;
        }
        if (FlowCauses.isDrop(flow) && !FlowCauses.namesAddress(flow, p)) {
          out.add(FlowCauses.drops(h, bridge, f, p, loss));
        }
        FlowCauses.missingOutput(h, bridge, flow)
            .ifPresent(port -> out.add(FlowCauses.missingPort(h, bridge, f, port, "")));
      }
    }
    return out;
  }

  /**
   * The port {@code device} enters {@code bridge} through: itself, or when it is another bridge (a
   * path that names bridges, not their patch ports), the patch port of {@code bridge} whose peer is
   * on it.
   */
  static String patchFrom(Topology t, String host, String device, String bridge) {
    var h = t.host(host).orElse(null);
    var from = h == null ? null : h.bridge(device).orElse(null);
    var to = h == null ? null : h.bridge(bridge).orElse(null);
    if (from == null || to == null) {
      return device;
    }
    for (var p : to.ports()) {
      if (!p.peer().isEmpty() && from.port(p.peer()).isPresent()) {
        return p.name();
      }
    }
    return device;
  }

  /** Firewall rules of each host of the segment on the segment's devices there. */
  static List<Finding> firewalls(Topology t, Map<String, HostEvidence> hosts, LossCase loss) {
    Map<String, List<String>> byHost = byHost(loss);
    List<Finding> out = new ArrayList<>();
    byHost.forEach(
        (host, devices) -> {
          HostEvidence h = hosts.get(Causes.lower(host));
          if (h != null) {
            out.addAll(FirewallCauses.on(h, devices, entries(t, h, devices, loss), loss));
          }
        });
    return out;
  }

  /**
   * The ports a lost packet may have entered the segment's first device by, when that device is a
   * Linux bridge it was seen on: the bridge's other ports. A bridge-level rule (nft's bridge
   * family, ebtables, {@code --physdev-in}) names the port a frame came in on, which lies before
   * the segment (qvb, for replies lost between qbr and the tap). A VM's own tap is an entry only
   * for packets from that VM's addresses.
   */
  static Set<String> entries(Topology t, HostEvidence h, List<String> devices, LossCase loss) {
    if (devices.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String port : h.bridgePorts.getOrDefault(devices.get(0), Set.of())) {
      if (devices.contains(port)) {
        continue;
      }
      Optional<VmPort> vm = vmSide(t, port);
      if (vm.isEmpty() || vm.get().ips().contains(loss.packetSrc())) {
        out.add(port);
      }
    }
    return out;
  }

  // the VM port whose VM-side device (its path's first hop) is this device
  private static Optional<VmPort> vmSide(Topology t, String device) {
    return t.vms().stream()
        .flatMap(v -> v.ports().stream())
        .filter(p -> !p.hops().isEmpty() && p.hops().get(0).device().equals(device))
        .findFirst();
  }

  /** What the dump lacks to explain a loss on this segment. */
  static String missing(LossCase loss, Map<String, HostEvidence> hosts) {
    Set<String> out = new LinkedHashSet<>();
    byHost(loss)
        .forEach(
            (host, devices) -> {
              HostEvidence h = hosts.get(Causes.lower(host));
              if (h == null) {
                out.add("no host outputs from " + host);
                return;
              }
              for (String d : devices) {
                if (h.ofports.containsKey(d) && !h.flows.containsKey(d)) {
                  out.add("no flows dumped for " + d + " on " + host);
                }
              }
              if (!h.hasFirewall()) {
                out.add(
                    "no firewall tables (iptables-save, iptables -vnxL, nft list ruleset) from "
                        + host);
              }
              if (h.links.isEmpty()) {
                out.add("no device MTUs (ip -d link) from " + host);
              }
            });
    out.add("no flow trace on a replica switch");
    return "no cause found on the segment; " + String.join("; ", out);
  }

  private static Map<String, List<String>> byHost(LossCase loss) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < loss.devices().size(); i++) {
      out.computeIfAbsent(loss.hosts().get(i), k -> new ArrayList<>()).add(loss.devices().get(i));
    }
    return out;
  }

  private static String mac(Topology t, String ip) {
    return t.vms().stream()
        .flatMap(v -> v.ports().stream())
        .filter(p -> p.ips().contains(ip))
        .map(VmPort::mac)
        .findFirst()
        .orElse("")
        .toLowerCase(java.util.Locale.ROOT);
  }
}
