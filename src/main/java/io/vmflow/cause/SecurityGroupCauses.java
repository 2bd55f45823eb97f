package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.PortShow;
import io.vmflow.parse.SecurityGroupList;
import io.vmflow.parse.SecurityGroupRuleList;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The controller's view of a loss: the receiving port's security groups admit no ICMP from the
 * sender ({@code SECURITY_GROUP_BLOCKS_ICMP}), or the sending port does not own the source its
 * echoes carry ({@link PortSecurityCauses}). Without a loss, each VM port's ingress rules are only
 * listed, at INFO: admitting no ICMP is normal policy.
 */
final class SecurityGroupCauses {

  static final String SECURITY_GROUP_BLOCKS_ICMP = "SECURITY_GROUP_BLOCKS_ICMP";
  static final String SECURITY_GROUP_RULES = "SECURITY_GROUP_RULES";
  static final String SECURITY_GROUP_OUT_OF_SYNC = "SECURITY_GROUP_OUT_OF_SYNC";

  /** A value with the entry it was read from. */
  record At<T>(T value, String origin) {}

  private final Map<String, At<PortShow>> ports = new LinkedHashMap<>();
  private final List<At<SecurityGroupRuleList.Rule>> rules = new ArrayList<>();
  // group id -> name, from the group lists
  private final Map<String, String> names = new LinkedHashMap<>();

  private SecurityGroupCauses() {}

  /** The port shows, group lists and rule lists of the dump. */
  static SecurityGroupCauses of(List<Fact> facts) {
    SecurityGroupCauses v = new SecurityGroupCauses();
    for (Fact f : facts) {
      if (f.value() instanceof PortShow p) {
        v.ports.putIfAbsent(p.id(), new At<>(p, f.origin()));
      } else if (f.value() instanceof SecurityGroupRuleList l) {
        l.rules().forEach(r -> v.rules.add(new At<>(r, f.origin())));
      } else if (f.value() instanceof SecurityGroupList g) {
        g.groups().forEach(x -> v.names.putIfAbsent(x.id(), x.name()));
      }
    }
    return v;
  }

  /** INFO per VM port with groups: the ingress rules of its groups, cited by line. */
  List<Finding> rulesOf(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort vp : vm.ports()) {
        At<PortShow> p = ports.get(vp.portId());
        if (p == null || p.value().securityGroups().isEmpty() || rules.isEmpty()) {
          continue;
        }
        List<At<SecurityGroupRuleList.Rule>> in = ingress(p.value());
        String list =
            in.isEmpty()
                ? "none"
                : String.join("; ", in.stream().map(r -> r.value().describe()).toList());
        out.add(
            Finding.network(
                    Severity.INFO,
                    SECURITY_GROUP_RULES,
                    "port "
                        + vp.portId()
                        + security(p.value())
                        + " is in security groups "
                        + groups(p.value())
                        + "; their ingress rules: "
                        + list,
                    p.origin(),
                    p.value().line())
                .about(vm.id(), vp.portId(), vm.hostKey())
                .withHint("", evidence(p, in)));
      }
    }
    return out;
  }

  /** The controller's causes of one loss. */
  List<Finding> explain(Topology t, LossCase loss) {
    List<Finding> out = new ArrayList<>();
    blocks(t, loss).ifPresent(out::add);
    PortSecurityCauses.spoofed(t, loss, ports).ifPresent(out::add);
    return out;
  }

  // the lost packet's receiving port: port security on, and no ingress rule of its groups admits
  // ICMP of the lost packet's type from its source
  private Optional<Finding> blocks(Topology t, LossCase loss) {
    Optional<At<PortShow>> to = portWithIp(loss.packetDst());
    if (to.isEmpty() || rules.isEmpty()) {
      return Optional.empty();
    }
    PortShow p = to.get().value();
    if (p.portSecurity().equals(Optional.of(false)) || !resolved(p)) {
      return Optional.empty();
    }
    Optional<PortShow> from = portWithIp(loss.packetSrc()).map(At::value);
    List<At<SecurityGroupRuleList.Rule>> in = ingress(p);
    String peer = loss.packetSrc();
    if (in.stream().anyMatch(r -> admits(r.value(), loss.icmpType(), peer, from))) {
      return Optional.empty();
    }
    // security groups are stateful: replies to requests an egress rule let out are admitted
    if (loss.icmpType() == 0
        && groupRules(p).stream()
            .filter(r -> !r.value().direction().equals("ingress"))
            .anyMatch(r -> admits(r.value(), 8, peer, from))) {
      return Optional.empty();
    }
    String device = device(t, p.id());
    return Optional.of(
        Finding.network(
                Severity.WARNING,
                SECURITY_GROUP_BLOCKS_ICMP,
                "port "
                    + p.id()
                    + (device.isEmpty() ? "" : " (" + device + ")")
                    + " has port security on and security groups "
                    + groups(p)
                    + ": no ingress rule admits ICMP from "
                    + loss.packetSrc()
                    + (loss.icmpType() == 8 ? " (echo requests, " : " (echo replies, ")
                    + in.size()
                    + " ingress rules)",
                to.get().origin(),
                p.line())
            .about(loss.vmId(), p.id(), "")
            .withHint(
                "add an ingress rule for ICMP from " + loss.packetSrc() + " to one of its groups",
                evidence(to.get(), groupRules(p))));
  }

  /**
   * The host's packet filter drops the lost packet ({@code hostDrops}: its firewall findings on the
   * segment) while the receiving port's security groups admit it: the agent's rules on the host are
   * not the controller's — out of sync, or a rule added by hand.
   */
  Optional<Finding> outOfSync(Topology t, LossCase loss, List<Finding> hostDrops) {
    Optional<At<PortShow>> to = portWithIp(loss.packetDst());
    if (hostDrops.isEmpty() || to.isEmpty() || rules.isEmpty()) {
      return Optional.empty();
    }
    PortShow p = to.get().value();
    if (!resolved(p)) {
      return Optional.empty();
    }
    Optional<PortShow> from = portWithIp(loss.packetSrc()).map(At::value);
    Optional<At<SecurityGroupRuleList.Rule>> admitting =
        p.portSecurity().equals(Optional.of(false))
            ? Optional.empty()
            : ingress(p).stream()
                .filter(r -> admits(r.value(), loss.icmpType(), loss.packetSrc(), from))
                .findFirst();
    if (admitting.isEmpty() && !p.portSecurity().equals(Optional.of(false))) {
      return Optional.empty();
    }
    Finding drop = hostDrops.get(0);
    String device = device(t, p.id());
    String why =
        admitting
            .map(r -> "its security groups admit it (" + r.value().describe() + ")")
            .orElse("port security is off, so neutron filters nothing");
    List<Evidence> ev = new ArrayList<>(drop.evidence());
    ev.add(new Evidence(to.get().origin(), p.line()));
    admitting.ifPresent(r -> ev.add(new Evidence(r.origin(), r.value().line())));
    return Optional.of(
        Finding.network(
                Severity.WARNING,
                SECURITY_GROUP_OUT_OF_SYNC,
                "the host's firewall drops ICMP from "
                    + loss.packetSrc()
                    + " to port "
                    + p.id()
                    + (device.isEmpty() ? "" : " (" + device + ")")
                    + ", but "
                    + why
                    + ": the host's rules are not neutron's (agent out of sync, or a rule added by"
                    + " hand)",
                drop.origin(),
                drop.line())
            .about(loss.vmId(), p.id(), drop.hostKey())
            .withHint(
                "compare the port's chains with its groups; restarting the security-group agent"
                    + " resyncs them",
                ev));
  }

  // the rule lets ICMP of this type through between the port and the peer (address, port)
  private boolean admits(
      SecurityGroupRuleList.Rule r, int icmpType, String peer, Optional<PortShow> from) {
    boolean v6 = peer.contains(":");
    String proto = r.protocol();
    boolean icmp =
        proto.equals("any")
            || (v6
                ? proto.equals("ipv6-icmp") || proto.equals("icmpv6") || proto.equals("58")
                : proto.equals("icmp") || proto.equals("1"));
    boolean ether = r.ethertype().isEmpty() || r.ethertype().equalsIgnoreCase(v6 ? "IPv6" : "IPv4");
    if (!icmp || !ether) {
      return false;
    }
    // for ICMP neutron keeps the type in port_range_min: "8" or "8:0"
    String type = r.portRange().split("[:-]")[0].trim();
    if (!proto.equals("any") && !type.isEmpty() && !type.equals(String.valueOf(icmpType))) {
      return false;
    }
    if (!r.remoteGroup().isEmpty()) {
      return from.map(p -> p.securityGroups().stream().anyMatch(g -> same(g, r.remoteGroup())))
          .orElse(false);
    }
    return r.remoteIpPrefix().isEmpty() || Addresses.inNetwork(peer, r.remoteIpPrefix());
  }

  private List<At<SecurityGroupRuleList.Rule>> ingress(PortShow p) {
    return groupRules(p).stream().filter(r -> !r.value().direction().equals("egress")).toList();
  }

  private List<At<SecurityGroupRuleList.Rule>> groupRules(PortShow p) {
    return rules.stream()
        .filter(r -> p.securityGroups().stream().anyMatch(g -> same(g, r.value().group())))
        .toList();
  }

  // every group of the port is named by a rule or a group list: else the rule list may just not
  // say which rules are its (neutron names groups, port-show gives ids)
  private boolean resolved(PortShow p) {
    for (String g : p.securityGroups()) {
      boolean known =
          names.containsKey(g) || rules.stream().anyMatch(r -> same(g, r.value().group()));
      if (!known) {
        return false;
      }
    }
    return !p.securityGroups().isEmpty();
  }

  private boolean same(String groupId, String idOrName) {
    return groupId.equals(idOrName) || idOrName.equals(names.get(groupId));
  }

  private Optional<At<PortShow>> portWithIp(String ip) {
    return ports.values().stream()
        .filter(p -> p.value().fixedIps().stream().anyMatch(f -> f.ipAddress().equals(ip)))
        .findFirst();
  }

  private String groups(PortShow p) {
    List<String> out = new ArrayList<>();
    for (String g : p.securityGroups()) {
      String name = names.getOrDefault(g, "");
      out.add(name.isEmpty() ? g : name + " (" + g + ")");
    }
    return String.join(", ", out);
  }

  private static String security(PortShow p) {
    return p.portSecurity()
        .map(on -> on ? " (port security on)" : " (port security off)")
        .orElse("");
  }

  private static String device(Topology t, String portId) {
    for (Vm vm : t.vms()) {
      for (VmPort vp : vm.ports()) {
        if (vp.portId().equals(portId) && !vp.hops().isEmpty()) {
          return vp.hops().get(0).device();
        }
      }
    }
    return "";
  }

  private static List<Evidence> evidence(
      At<PortShow> p, List<At<SecurityGroupRuleList.Rule>> rules) {
    List<Evidence> out = new ArrayList<>();
    out.add(new Evidence(p.origin(), p.value().line()));
    rules.forEach(r -> out.add(new Evidence(r.origin(), r.value().line())));
    return out;
  }
}
