package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.Ipv4;
import io.vmflow.topology.Hop;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rules on each VM's routed path, raised only on that VM (so a fault on one router never marks VMs
 * of other networks): the gateway owned by no namespace though the dump has namespace data and the
 * controller attaches a router; the gateway port down or on another VLAN tag than the VM's network
 * on that host; the router's neighbour entry for the VM unresolved or with another MAC; a floating
 * IP with only half of its DNAT/SNAT pair.
 */
final class L3Rules implements Rule {

  static final String L3_GATEWAY_MISSING = "L3_GATEWAY_MISSING";
  static final String L3_ROUTER_PORT_DOWN = "L3_ROUTER_PORT_DOWN";
  static final String L3_ROUTER_PORT_VLAN = "L3_ROUTER_PORT_VLAN";
  static final String L3_NEIGH_UNRESOLVED = "L3_NEIGH_UNRESOLVED";
  static final String L3_NEIGH_WRONG_MAC = "L3_NEIGH_WRONG_MAC";
  static final String L3_FIP_NAT_INCOMPLETE = "L3_FIP_NAT_INCOMPLETE";
  static final String L3_ADDRESS_OUTSIDE_POOLS = "L3_ADDRESS_OUTSIDE_POOLS";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    boolean namespaceData = t.namespaces().stream().anyMatch(Namespace::hasAddresses);
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        Optional<L3Path> path =
            t.l3PathsOf(vm.id()).stream().filter(p -> p.portId().equals(port.portId())).findFirst();
        Optional<L3Hop> gw =
            path.flatMap(
                p -> p.hops().stream().filter(h -> h.kind().equals("GATEWAY")).findFirst());
        path.ifPresent(p -> pools(vm, port, p, out));
        if (gw.isEmpty()) {
          // a distributed router absent from the VM's host is said by DvrRules, more precisely
          if (DvrRules.absent(t, vm).isEmpty()) {
            path.flatMap(p -> missing(vm, port, p, namespaceData)).ifPresent(out::add);
          }
          continue;
        }
        Optional<Namespace> ns = namespace(t, gw.get());
        Optional<Namespace.Port> qr =
            ns.flatMap(
                n ->
                    n.ports().stream()
                        .filter(p -> p.device().equals(gw.get().device()))
                        .findFirst());
        if (ns.isEmpty() || qr.isEmpty()) {
          continue;
        }
        String ip = path.get().hops().get(0).ip();
        portState(vm, port, ns.get(), qr.get(), out);
        neighbour(vm, port, ip, ns.get(), qr.get(), out);
        nat(vm, port, ip, ns.get(), out);
      }
    }
    return out;
  }

  // the gateway is no namespace's: only when the dump has namespace data at all, and the subnet
  // names a gateway or a router serves the network
  private static Optional<Finding> missing(Vm vm, VmPort port, L3Path p, boolean namespaceData) {
    if (!namespaceData) {
      return Optional.empty();
    }
    String ip = p.hops().get(0).ip();
    if (p.subnet() != null && !p.subnet().gatewayIp().isEmpty()) {
      return Optional.of(
          about(
              vm,
              port,
              Severity.WARNING,
              L3_GATEWAY_MISSING,
              String.format(
                  "no namespace on any host of the dump owns gateway IP %s of subnet %s (%s):"
                      + " the VM's router port is missing",
                  p.subnet().gatewayIp(), p.subnet().id(), p.subnet().cidr()),
              List.of(p.subnet().evidence())));
    }
    if (vm.routers().isEmpty()) {
      return Optional.empty();
    }
    Vm.RouterInfo r = vm.routers().get(0);
    return Optional.of(
        about(
            vm,
            port,
            Severity.WARNING,
            L3_GATEWAY_MISSING,
            "no namespace on any host of the dump has a qr- port in the subnet of "
                + ip
                + " though router "
                + r.name()
                + " serves its network: qrouter-"
                + r.id()
                + " is missing or has no port on it",
            r.evidence()));
  }

  // DHCP hands out addresses from the pools only: a fixed address outside them was not leased
  private static void pools(Vm vm, VmPort port, L3Path p, List<Finding> out) {
    L3Path.Subnet s = p.subnet();
    String ip = p.hops().get(0).ip();
    if (s == null || !s.enableDhcp().equals("true") || s.allocationPools().isEmpty()) {
      return;
    }
    boolean inside = s.allocationPools().stream().anyMatch(r -> Ipv4.inRange(r, ip));
    if (!inside) {
      out.add(
          about(
              vm,
              port,
              Severity.WARNING,
              L3_ADDRESS_OUTSIDE_POOLS,
              String.format(
                  "subnet %s has DHCP on but the VM's address %s is outside its allocation pools"
                      + " %s",
                  s.id(), ip, String.join(", ", s.allocationPools())),
              List.of(s.evidence())));
    }
  }

  private static void portState(
      Vm vm, VmPort port, Namespace ns, Namespace.Port qr, List<Finding> out) {
    if (!qr.up()) {
      out.add(
          about(
              vm,
              port,
              Severity.ERROR,
              L3_ROUTER_PORT_DOWN,
              String.format(
                  "the VM's gateway port %s in namespace %s on %s is down (state %s): the router"
                      + " cannot answer the VM",
                  qr.device(), ns.name(), ns.host(), qr.state()),
              List.of(qr.evidence())));
    }
    Optional<Hop> vmSide = Flags.integrationPort(port);
    if (qr.vlan() >= 0
        && vmSide.isPresent()
        && vmSide.get().vlan() >= 0
        && vmSide.get().host().equalsIgnoreCase(ns.host())
        && vmSide.get().vlan() != qr.vlan()) {
      List<Evidence> ev = new ArrayList<>(List.of(qr.evidence()));
      ev.addAll(vmSide.get().evidence());
      out.add(
          about(
              vm,
              port,
              Severity.ERROR,
              L3_ROUTER_PORT_VLAN,
              String.format(
                  "the VM's gateway port %s (namespace %s) has tag %d on %s but the VM's port %s"
                      + " has tag %d: they are on different local VLANs",
                  qr.device(),
                  ns.name(),
                  qr.vlan(),
                  qr.bridge(),
                  vmSide.get().device(),
                  vmSide.get().vlan()),
              ev));
    }
  }

  private static void neighbour(
      Vm vm, VmPort port, String ip, Namespace ns, Namespace.Port qr, List<Finding> out) {
    for (Namespace.Neighbour n : ns.neighbours()) {
      if (!n.ip().equals(ip) || !n.dev().equals(qr.device())) {
        continue;
      }
      if (n.mac().isEmpty() || n.state().equals("FAILED") || n.state().equals("INCOMPLETE")) {
        out.add(
            about(
                vm,
                port,
                Severity.WARNING,
                L3_NEIGH_UNRESOLVED,
                String.format(
                    "router namespace %s cannot resolve the VM's address %s on %s (%s): the VM"
                        + " does not answer its router's ARP",
                    ns.name(), ip, n.dev(), n.state().isEmpty() ? "no lladdr" : n.state()),
                List.of(n.evidence())));
      } else if (!port.mac().isEmpty() && !n.mac().equalsIgnoreCase(port.mac())) {
        out.add(
            about(
                vm,
                port,
                Severity.ERROR,
                L3_NEIGH_WRONG_MAC,
                String.format(
                    "router namespace %s holds %s for the VM's address %s on %s, but the VM's"
                        + " port has %s: replies go to another MAC",
                    ns.name(), n.mac(), ip, n.dev(), port.mac()),
                List.of(n.evidence())));
      }
    }
  }

  private static void nat(Vm vm, VmPort port, String ip, Namespace ns, List<Finding> out) {
    if (!ns.hasFirewall()) {
      return;
    }
    List<Namespace.Nat> dnat =
        ns.nat().stream().filter(n -> n.kind().equals("DNAT") && n.to().equals(ip)).toList();
    List<Namespace.Nat> snat =
        ns.nat().stream().filter(n -> n.kind().equals("SNAT") && n.match().equals(ip)).toList();
    for (Namespace.Nat d : dnat) {
      if (snat.stream().noneMatch(s -> s.to().equals(d.match()))) {
        out.add(
            about(
                vm,
                port,
                Severity.ERROR,
                L3_FIP_NAT_INCOMPLETE,
                String.format(
                    "namespace %s maps floating IP %s to the VM's %s (DNAT) but has no SNAT of %s"
                        + " to %s: replies and outgoing traffic leave with the fixed address",
                    ns.name(), d.match(), ip, ip, d.match()),
                List.of(d.evidence())));
      }
    }
    for (Namespace.Nat s : snat) {
      if (dnat.stream().noneMatch(d -> d.match().equals(s.to()))) {
        out.add(
            about(
                vm,
                port,
                Severity.ERROR,
                L3_FIP_NAT_INCOMPLETE,
                String.format(
                    "namespace %s rewrites the VM's %s to floating IP %s (SNAT) but has no DNAT of"
                        + " %s back to it: traffic to the floating IP does not reach the VM",
                    ns.name(), ip, s.to(), s.to()),
                List.of(s.evidence())));
      }
    }
  }

  private static Optional<Namespace> namespace(Topology t, L3Hop h) {
    return t.namespaces().stream()
        .filter(n -> n.name().equals(h.namespace()) && n.host().equalsIgnoreCase(h.host()))
        .findFirst();
  }

  private static Finding about(
      Vm vm, VmPort port, Severity s, String code, String message, List<Evidence> ev) {
    Evidence first = ev.isEmpty() ? new Evidence("", 0) : ev.get(0);
    return Finding.network(s, code, message, first.origin(), Math.max(0, first.line()))
        .about(vm.id(), port.portId(), vm.hostKey())
        .withHint("", ev);
  }
}
