package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.OpenstackId;
import io.vmflow.topology.L3Facts;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether DHCP can answer the VM, raised on that VM only (a DHCP fault of one network never marks
 * VMs of another): the DHCP host file of its network (where the dump holds one) has no line for the
 * VM's address, or gives it to another MAC; the subnet has DHCP on but no host of the dump has the
 * network's {@code qdhcp-} namespace, though the dump holds hosts that run DHCP namespaces (a
 * network node) and their {@code ip netns}. A subnet with DHCP off is left alone.
 */
final class DhcpRules implements Rule {

  static final String DHCP_HOST_MISSING = "DHCP_HOST_MISSING";
  static final String DHCP_HOST_WRONG_MAC = "DHCP_HOST_WRONG_MAC";
  static final String DHCP_NAMESPACE_MISSING = "DHCP_NAMESPACE_MISSING";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        if (port.networkId().isEmpty()) {
          continue;
        }
        Optional<L3Path> path =
            t.l3PathsOf(vm.id()).stream().filter(p -> p.portId().equals(port.portId())).findFirst();
        String ip =
            path.map(p -> p.hops().get(0).ip())
                .filter(x -> !x.isEmpty())
                .or(() -> port.ips().stream().filter(x -> x.contains(".")).findFirst())
                .orElse("");
        L3Path.Subnet subnet = path.map(L3Path::subnet).orElse(null);
        if (ip.isEmpty() || subnet != null && subnet.enableDhcp().equals("false")) {
          continue;
        }
        hostFiles(t, vm, port, ip, out);
        if (subnet != null && subnet.enableDhcp().equals("true")) {
          namespace(t, vm, port, subnet).ifPresent(out::add);
        }
      }
    }
    return out;
  }

  private static void hostFiles(Topology t, Vm vm, VmPort port, String ip, List<Finding> out) {
    for (L3Facts.DhcpHostFile file : t.l3().dhcpHostsOf(port.networkId())) {
      Optional<L3Facts.DhcpHostFile.Entry> e =
          file.entries().stream().filter(x -> x.ip().equals(ip)).findFirst();
      if (e.isEmpty()) {
        out.add(
            about(
                vm,
                port,
                Severity.WARNING,
                DHCP_HOST_MISSING,
                String.format(
                    "the DHCP host file of network %s on %s (%s) has no line for the VM's address"
                        + " %s%s: its dnsmasq does not answer the VM's DHCP requests",
                    port.networkId(),
                    file.host(),
                    file.evidence().origin(),
                    ip,
                    port.mac().isEmpty() ? "" : " (MAC " + port.mac() + ")"),
                List.of(file.evidence())));
      } else if (!port.mac().isEmpty() && !e.get().mac().equalsIgnoreCase(port.mac())) {
        out.add(
            about(
                vm,
                port,
                Severity.ERROR,
                DHCP_HOST_WRONG_MAC,
                String.format(
                    "the DHCP host file of network %s on %s gives the VM's address %s to MAC %s,"
                        + " but the VM's port has %s: the VM's DHCP requests get no lease",
                    port.networkId(), file.host(), ip, e.get().mac(), port.mac()),
                List.of(e.get().evidence())));
      }
    }
  }

  // the hosts that run DHCP namespaces (or hold DHCP host files) and whose ip netns is in the dump;
  // none of them has the VM's network's qdhcp- namespace
  private static Optional<Finding> namespace(Topology t, Vm vm, VmPort port, L3Path.Subnet subnet) {
    String net = OpenstackId.key(port.networkId());
    List<Namespace> dhcp = t.namespaces().stream().filter(n -> n.kind().equals("QDHCP")).toList();
    if (dhcp.stream().anyMatch(n -> OpenstackId.key(n.objectId()).equals(net))) {
      return Optional.empty();
    }
    Set<String> nodes = new LinkedHashSet<>();
    dhcp.forEach(n -> nodes.add(n.host()));
    t.l3().dhcpHosts().forEach(d -> nodes.add(d.host()));
    nodes.removeIf(h -> h.isEmpty() || !t.l3().hasNetnsListing(h));
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    List<Evidence> ev = new ArrayList<>(List.of(subnet.evidence()));
    for (String h : nodes) {
      dhcp.stream()
          .filter(n -> n.host().equalsIgnoreCase(h))
          .flatMap(n -> n.evidence().stream())
          .findFirst()
          .ifPresentOrElse(ev::add, () -> ev.add(new Evidence(t.l3().netnsListing(h), 1)));
    }
    return Optional.of(
        about(
            vm,
            port,
            Severity.WARNING,
            DHCP_NAMESPACE_MISSING,
            String.format(
                "subnet %s (%s) has DHCP on but no host of the dump has namespace qdhcp-%s: the"
                    + " DHCP hosts in the dump (%s) serve other networks, so no DHCP agent answers"
                    + " the VM",
                subnet.id(), subnet.cidr(), port.networkId(), String.join(", ", nodes)),
            ev));
  }

  private static Finding about(
      Vm vm, VmPort port, Severity s, String code, String message, List<Evidence> ev) {
    Evidence first = ev.get(0);
    return Finding.network(s, code, message, first.origin(), Math.max(0, first.line()))
        .about(vm.id(), port.portId(), vm.hostKey())
        .withHint("", ev);
  }
}
