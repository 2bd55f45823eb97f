package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.FirewallRules;
import io.vmflow.ping.LossCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Packet filter rules that dropped a loss's packets: a DROP/REJECT rule with a non-zero counter,
 * tied to a device of the loss segment, whose protocol, ICMP type and addresses admit the lost
 * echo. A rule is tied to a device when it names it ({@code -i/-o}, {@code --physdev-in/out},
 * {@code iifname/oifname}, with {@code +}/{@code *} prefixes), when its chain is jumped to from a
 * rule that names it ({@code sg-chain -m physdev --physdev-out tap… -j neutron-openvswi-i…}), or
 * when its chain is neutron's per-port chain ({@code neutron-openvswi-i3f1a2b4c-5}: i ingress, o
 * egress, s spoofing, then the first 10 characters of the port id, which the device names carry).
 */
final class FirewallCauses {

  static final String FIREWALL_DROPS_VM_TRAFFIC = "FIREWALL_DROPS_VM_TRAFFIC";

  // neutron-openvswi-i3f1a2b4c-5, neutron-linuxbri-o3f1a2b4c-5, neutron-openvswi-s3f1a2b4c-5
  private static final Pattern PORT_CHAIN =
      Pattern.compile("^neutron-[a-z]+-[ios]([0-9a-f]{8}-[0-9a-f])$");

  private FirewallCauses() {}

  /**
   * Discarding rules with a non-zero counter tied to one of {@code devices} (the segment's devices
   * on this host) that admit the packet; bridge-layer rules also when they name one of {@code
   * entries} as the port a frame came in by (see {@code Segments.entries}).
   */
  static List<Finding> on(
      HostEvidence h, List<String> devices, Set<String> entries, LossCase loss) {
    Map<String, Set<String>> chainDevices = chainDevices(h);
    List<Finding> out = new ArrayList<>();
    Set<String> said = new HashSet<>();
    for (HostEvidence.Located<FirewallRules.Rule> located : h.rules) {
      FirewallRules.Rule r = located.value();
      // a rule without a counter (nft's default) may still be the cause when it names ICMP, which
      // no agent's rule does for one port; a generic DROP without one could be any fallback
      boolean counted = r.packets() > 0 || r.packets() < 0 && r.protocol().startsWith("icmp");
      if (!r.discards() || !counted || !admits(r, loss)) {
        continue;
      }
      Set<String> tied = new LinkedHashSet<>(r.devices());
      tied.addAll(chainDevices.getOrDefault(r.chain(), Set.of()));
      int bridge = bridgeLayer(r) ? firstBridge(h, devices) : -1;
      String device =
          r.family().equals("netdev")
              ? onDevice(r, devices, loss)
              : bridge >= 0
                  ? across(r, devices, bridge, entries)
                  : devices.stream()
                      .filter(d -> tied.stream().anyMatch(t -> names(t, d)))
                      .findFirst()
                      .orElse("");
      // one rule seen by iptables-save, iptables -L and nft (iptables-nft) is said once
      String key = r.chain() + "|" + r.verdict() + "|" + r.packets() + "|" + r.protocol();
      if (!device.isEmpty() && said.add(key)) {
        out.add(finding(h, located, device, loss.vmId()));
      }
    }
    return out;
  }

  /**
   * Rules that discard ICMP by name ({@code -p icmp}, {@code meta l4proto icmp}, {@code icmp type
   * ...}) on one of a VM's devices and have dropped packets: said with or without a localised loss
   * (a capture may be missing), as no agent writes such a rule for one port.
   */
  static List<Finding> icmpDrops(HostEvidence h, List<String> devices, String vmId) {
    Map<String, Set<String>> chainDevices = chainDevices(h);
    List<Finding> out = new ArrayList<>();
    Set<String> said = new HashSet<>();
    for (HostEvidence.Located<FirewallRules.Rule> located : h.rules) {
      FirewallRules.Rule r = located.value();
      if (!r.discards() || r.packets() <= 0 || !r.protocol().startsWith("icmp")) {
        continue;
      }
      Set<String> tied = new LinkedHashSet<>(r.devices());
      tied.addAll(chainDevices.getOrDefault(r.chain(), Set.of()));
      String device =
          devices.stream()
              .filter(d -> tied.stream().anyMatch(t -> names(t, d)))
              .findFirst()
              .orElse("");
      String key = r.chain() + "|" + r.verdict() + "|" + r.packets() + "|" + r.protocol();
      if (!device.isEmpty() && said.add(key)) {
        out.add(finding(h, located, device, vmId));
      }
    }
    return out;
  }

  private static boolean admits(FirewallRules.Rule r, LossCase loss) {
    boolean v6 = loss.src().contains(":");
    boolean protocol =
        r.protocol().isEmpty()
            || r.protocol().equals(v6 ? "icmpv6" : "icmp")
            || r.protocol().equals(v6 ? "ipv6-icmp" : "icmp");
    boolean type = r.icmpTypes().isEmpty() || r.icmpTypes().contains(loss.icmpType());
    boolean src = r.source().isEmpty() || Addresses.inNetwork(loss.packetSrc(), r.source());
    boolean dst =
        r.destination().isEmpty() || Addresses.inNetwork(loss.packetDst(), r.destination());
    return protocol && type && src && dst;
  }

  /**
   * The device of the segment a netdev rule meets the lost packet on. Its ingress hook runs after a
   * capture on the device has seen the frame arrive, its egress hook before a capture sees it
   * leave: an ingress rule explains a loss on any device but the first that did not see the packet
   * (the segment's last), an egress rule on any but the last that saw it (the first).
   */
  private static String onDevice(FirewallRules.Rule r, List<String> devices, LossCase loss) {
    List<String> all = loss.devices();
    String first = all.isEmpty() ? "" : all.get(0);
    String last = all.isEmpty() ? "" : all.get(all.size() - 1);
    for (String d : devices) {
      if (!r.in().isEmpty() && names(r.in(), d) && !d.equals(last)
          || !r.out().isEmpty() && names(r.out(), d) && !d.equals(first)) {
        return d;
      }
    }
    return "";
  }

  // a rule on bridged frames (nft's bridge family, ebtables, iptables' physdev match): it names
  // the bridge ports a frame comes in and goes out by
  private static boolean bridgeLayer(FirewallRules.Rule r) {
    return r.family().equals("bridge")
        ? !r.in().isEmpty() || !r.out().isEmpty()
        : !r.physdevIn().isEmpty() || !r.physdevOut().isEmpty();
  }

  // where the segment (in travel order) crosses a Linux bridge whose ports the dump lists
  private static int firstBridge(HostEvidence h, List<String> devices) {
    for (int i = 0; i < devices.size(); i++) {
      if (h.bridgePorts.containsKey(devices.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The port by which a bridge-layer rule meets the lost frame crossing the bridge at {@code at}:
   * its in-port must be one the frame came in by (a device before the bridge, or one of {@code
   * entries} when the segment starts at the bridge), its out-port one after it; "" when the rule
   * cannot meet that frame (an in-port rule on the port the frame leaves by).
   */
  private static String across(
      FirewallRules.Rule r, List<String> devices, int at, Set<String> entries) {
    String in = r.family().equals("bridge") ? r.in() : r.physdevIn();
    String out = r.family().equals("bridge") ? r.out() : r.physdevOut();
    List<String> before = new ArrayList<>(devices.subList(0, at));
    if (at == 0) {
      before.addAll(entries);
    }
    List<String> after = devices.subList(at + 1, devices.size());
    String inPort =
        in.isEmpty() ? "" : before.stream().filter(d -> names(in, d)).findFirst().orElse("");
    String outPort =
        out.isEmpty() ? "" : after.stream().filter(d -> names(out, d)).findFirst().orElse("");
    if ((!in.isEmpty() && inPort.isEmpty()) || (!out.isEmpty() && outPort.isEmpty())) {
      return "";
    }
    return !inPort.isEmpty() ? inPort : outPort;
  }

  private static boolean names(String pattern, String device) {
    if (pattern.endsWith("+")) {
      return device.startsWith(pattern.substring(0, pattern.length() - 1));
    }
    return pattern.equals(device);
  }

  /** Chain -> devices it filters, by jumps from device rules and neutron's per-port names. */
  static Map<String, Set<String>> chainDevices(HostEvidence h) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (HostEvidence.Located<FirewallRules.Rule> l : h.rules) {
      Matcher m = PORT_CHAIN.matcher(l.value().chain());
      if (m.matches()) {
        Set<String> devices = out.computeIfAbsent(l.value().chain(), k -> new LinkedHashSet<>());
        h.links.keySet().stream()
            // the hybrid plug's chains filter the tap (--physdev-out/--physdev-in tap...)
            .filter(d -> d.startsWith("tap") && d.substring(3).startsWith(m.group(1)))
            .forEach(devices::add);
      }
    }
    // a chain inherits the devices of the rules that jump to it, through any depth of jumps
    for (int round = 0; round < 8; round++) {
      boolean grew = false;
      for (HostEvidence.Located<FirewallRules.Rule> l : h.rules) {
        FirewallRules.Rule r = l.value();
        if (r.jump().isEmpty()) {
          continue;
        }
        Set<String> from = new LinkedHashSet<>(r.devices());
        from.addAll(out.getOrDefault(r.chain(), Set.of()));
        if (!from.isEmpty()) {
          grew |= out.computeIfAbsent(r.jump(), k -> new LinkedHashSet<>()).addAll(from);
        }
      }
      if (!grew) {
        break;
      }
    }
    return out;
  }

  private static Finding finding(
      HostEvidence h, HostEvidence.Located<FirewallRules.Rule> l, String device, String vmId) {
    FirewallRules.Rule r = l.value();
    // ebtables prints options (-o tap… -j DROP), nft bridge rules statements (oifname … drop)
    String tool =
        r.family().equals("ip") || r.family().equals("ip6")
            ? "iptables"
            : r.family().equals("bridge") && r.text().startsWith("-") ? "ebtables" : "nftables";
    return (Finding.network(
            Severity.ERROR,
            FIREWALL_DROPS_VM_TRAFFIC,
            // "an nftables rule": said en-eff-tables
            "an "
                + tool
                + " "
                + r.verdict()
                + " rule in chain "
                + r.chain()
                + " ("
                + r.family()
                + " "
                + r.table()
                + ", "
                + h.host
                + ") filters "
                + device
                + (r.packets() < 0
                    ? " and has no counter (how many it dropped is not in the dump)"
                    : " and has dropped " + r.packets() + " packets")
                + ": '"
                + r.text()
                + "'",
            l.origin(),
            r.line()))
        .about(vmId, "", h.host)
        .withHint(hint(r, tool), List.of(new Evidence(l.origin(), r.line())));
  }

  // neutron's agents write their rules in chains named for them (neutron-openvswi-i…,
  // neutron-filter-top, ebtables' neutronARP-…); a drop elsewhere was put there by someone else,
  // and the security groups will not explain it
  private static String hint(FirewallRules.Rule r, String tool) {
    if (r.chain().toLowerCase(java.util.Locale.ROOT).startsWith("neutron")) {
      return "no rule admits this ICMP before it: check the port's security groups and the agent's"
          + " firewall sync";
    }
    String where = r.family() + " " + r.table() + " " + r.chain();
    String how =
        switch (tool) {
          case "nftables" ->
              "'nft -a list chain "
                  + where
                  + "' shows its handle; 'nft delete rule "
                  + where
                  + " handle N' removes it";
          case "ebtables" ->
              "'ebtables -t "
                  + r.table()
                  + " -L "
                  + r.chain()
                  + " --Ln' numbers it; 'ebtables -t "
                  + r.table()
                  + " -D "
                  + r.chain()
                  + " N' removes it";
          default ->
              "'"
                  + (r.family().equals("ip6") ? "ip6tables" : "iptables")
                  + " -t "
                  + r.table()
                  + " -S "
                  + r.chain()
                  + "' shows it; '-D' with the same rule removes it";
        };
    return "the rule is not in a chain neutron's agents write: find who added it; " + how;
  }
}
