package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.model.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Traces each VM port's routed path through the dump's namespaces: the VM, the router port whose
 * address is the VM's gateway (on the VM's host first: DVR), then each namespace's default route to
 * the next namespace owning its next hop (DVR: {@code sg-} of {@code snat-}, {@code fpr-} of {@code
 * fip-}), until a {@code qg-}/{@code fg-} external gateway. A VM with a floating IP (a DNAT/SNAT
 * pair for its address in the router namespace) leaves by the route towards the FIP namespace or
 * {@code qg-}. Without namespace data, the routers the controller attaches are shown as expected,
 * not present.
 */
final class L3Tracer {

  private static final int MAX_STEPS = 4;

  private record At(Namespace ns, Namespace.Port port) {}

  private L3Tracer() {}

  static List<L3Path> trace(List<Vm> vms, List<Namespace> namespaces) {
    return trace(vms, namespaces, List.of());
  }

  static List<L3Path> trace(List<Vm> vms, List<Namespace> namespaces, List<L3Path.Subnet> subnets) {
    List<L3Path> out = new ArrayList<>();
    for (Vm vm : vms) {
      for (VmPort p : vm.ports()) {
        Optional<String> ip = p.ips().stream().filter(x -> x.contains(".")).findFirst();
        if (ip.isPresent()) {
          Optional<L3Path.Subnet> subnet = subnetOf(ip.get(), subnets);
          out.add(
              new L3Path(
                  vm.id(),
                  p.portId(),
                  hops(
                      vm, p, ip.get(), subnet.map(L3Path.Subnet::gatewayIp).orElse(""), namespaces),
                  subnet.orElse(null)));
        } else {
          // a host-only dump knows the port's MAC, not its address: a router's ARP entry for
          // that MAC gives it
          arpEntry(p.mac(), namespaces)
              .ifPresent(
                  n -> {
                    Optional<L3Path.Subnet> subnet = subnetOf(n.ip(), subnets);
                    String gw = subnet.map(L3Path.Subnet::gatewayIp).orElse("");
                    List<L3Hop> hops = new ArrayList<>(hops(vm, p, n.ip(), gw, namespaces));
                    L3Hop first = hops.get(0);
                    List<Evidence> ev = new ArrayList<>(first.evidence());
                    ev.add(n.evidence());
                    hops.set(
                        0,
                        new L3Hop(
                            first.device(),
                            first.kind(),
                            first.host(),
                            "",
                            n.ip(),
                            (first.route() + " (address from the router's neighbour entry)").trim(),
                            "",
                            "",
                            -1,
                            first.mac(),
                            true,
                            ev));
                    out.add(new L3Path(vm.id(), p.portId(), hops, subnet.orElse(null)));
                  });
        }
      }
    }
    return out;
  }

  private static Optional<L3Path.Subnet> subnetOf(String ip, List<L3Path.Subnet> subnets) {
    return subnets.stream().filter(s -> Ipv4.inPrefix(s.cidr(), ip)).findFirst();
  }

  private static List<L3Hop> hops(
      Vm vm, VmPort p, String ip, String gatewayIp, List<Namespace> all) {
    List<L3Hop> hops = new ArrayList<>();
    String device = p.hops().isEmpty() ? vm.name() : p.hops().get(0).device();
    String vmRoute = gatewayIp.isEmpty() ? "" : "default via " + gatewayIp;
    hops.add(
        new L3Hop(
            device, "VM", vm.hostKey(), "", ip, vmRoute, "", "", -1, p.mac(), true, p.evidence()));
    // the subnet's gateway IP where subnet-show gives it, else a qr- port in the VM's subnet
    Optional<At> gw =
        gatewayIp.isEmpty()
            ? gateway(vm.hostKey(), ip, all)
            : owner(vm.hostKey(), gatewayIp, all).filter(a -> a.port().role().equals("qr"));
    if (gw.isEmpty()) {
      for (Vm.RouterInfo r : vm.routers()) {
        hops.add(
            new L3Hop(
                "qrouter-" + r.id(),
                "ROUTER_EXPECTED",
                "",
                "qrouter-" + r.id(),
                String.join(", ", r.externalIps()),
                r.describe(),
                "",
                "",
                -1,
                "",
                false,
                r.evidence()));
      }
      return hops;
    }
    At at = gw.get();
    hops.add(
        hop(
            at,
            "GATEWAY",
            gatewayIp.isEmpty() ? bare(address(at.port(), ip).orElse("")) : gatewayIp,
            ""));
    String fip = floatingIp(at.ns(), ip);
    for (int step = 0; step < MAX_STEPS; step++) {
      Optional<Namespace.Route> route = egress(at.ns(), !fip.isEmpty());
      if (route.isEmpty()) {
        break;
      }
      Namespace.Route r = route.get();
      Namespace.Port dev =
          at.ns().ports().stream()
              .filter(x -> x.device().equals(r.dev()))
              .findFirst()
              .orElse(at.port());
      boolean external = r.dev().startsWith("qg-") || r.dev().startsWith("fg-");
      String text = r.text() + (step == 0 && !fip.isEmpty() ? " (floating IP " + fip + ")" : "");
      L3Hop h = hop(new At(at.ns(), dev), external ? "EXTERNAL_GATEWAY" : "ROUTER", r.via(), text);
      List<Evidence> ev = new ArrayList<>(h.evidence());
      ev.add(r.evidence());
      hops.add(withEvidence(h, ev));
      if (external || r.via().isEmpty()) {
        break;
      }
      Optional<At> next = owner(at.ns().host(), r.via(), all);
      if (next.isEmpty()) {
        break;
      }
      at = next.get();
      hops.add(hop(at, at.ns().kind(), r.via(), ""));
    }
    return hops;
  }

  private static Optional<Namespace.Neighbour> arpEntry(String mac, List<Namespace> all) {
    if (mac.isEmpty()) {
      return Optional.empty();
    }
    return all.stream()
        .filter(ns -> ns.kind().equals("QROUTER"))
        .flatMap(ns -> ns.neighbours().stream())
        .filter(n -> n.dev().startsWith("qr-") && n.mac().equalsIgnoreCase(mac))
        .filter(n -> n.ip().contains("."))
        .findFirst();
  }

  // a qr- (or other router) port whose subnet holds the VM's address; the VM's host first
  private static Optional<At> gateway(String host, String ip, List<Namespace> all) {
    List<At> found = new ArrayList<>();
    for (Namespace ns : all) {
      if (!ns.kind().equals("QROUTER")) {
        continue;
      }
      for (Namespace.Port p : ns.ports()) {
        if (p.role().equals("qr") && address(p, ip).isPresent()) {
          found.add(new At(ns, p));
        }
      }
    }
    return found.stream()
        .min(Comparator.comparing((At a) -> a.ns().host().equalsIgnoreCase(host) ? 0 : 1));
  }

  /** The port's address in the same subnet as {@code ip} (not {@code ip} itself). */
  static Optional<String> address(Namespace.Port p, String ip) {
    return p.addresses().stream()
        .filter(a -> a.contains("/") && !bare(a).equals(ip) && Ipv4.inPrefix(a, ip))
        .findFirst();
  }

  private static Optional<At> owner(String host, String ip, List<Namespace> all) {
    List<At> found = new ArrayList<>();
    for (Namespace ns : all) {
      for (Namespace.Port p : ns.ports()) {
        if (p.addresses().stream().anyMatch(a -> bare(a).equals(ip))) {
          found.add(new At(ns, p));
        }
      }
    }
    return found.stream()
        .min(Comparator.comparing((At a) -> a.ns().host().equalsIgnoreCase(host) ? 0 : 1));
  }

  // the floating IP a DNAT rule of the namespace maps to the VM's address, "" when none
  static String floatingIp(Namespace ns, String ip) {
    return ns.nat().stream()
        .filter(n -> n.kind().equals("DNAT") && n.to().equals(ip))
        .map(Namespace.Nat::match)
        .findFirst()
        .orElse("");
  }

  // a floating IP leaves by the FIP side (rfp- to fip-, or qg-); other traffic by the main table,
  // else by DVR's per-subnet table (towards the SNAT namespace's sg- port)
  private static Optional<Namespace.Route> egress(Namespace ns, boolean floating) {
    List<Namespace.Route> defaults =
        ns.routes().stream().filter(Namespace.Route::isDefault).toList();
    if (floating) {
      Optional<Namespace.Route> out =
          defaults.stream()
              .filter(r -> r.dev().startsWith("rfp-") || r.dev().startsWith("qg-"))
              .findFirst();
      if (out.isPresent()) {
        return out;
      }
    }
    Optional<Namespace.Route> main =
        defaults.stream().filter(r -> r.table().equals("main")).findFirst();
    return main.isPresent()
        ? main
        : defaults.stream().filter(r -> !r.dev().startsWith("rfp-")).findFirst();
  }

  private static L3Hop hop(At at, String kind, String ip, String route) {
    Namespace.Port p = at.port();
    return new L3Hop(
        p.device(),
        kind,
        at.ns().host(),
        at.ns().name(),
        ip,
        route,
        p.bridge(),
        p.ofport(),
        p.vlan(),
        p.mac(),
        true,
        List.of(p.evidence()));
  }

  private static L3Hop withEvidence(L3Hop h, List<Evidence> ev) {
    return new L3Hop(
        h.device(),
        h.kind(),
        h.host(),
        h.namespace(),
        h.ip(),
        h.route(),
        h.bridge(),
        h.ofport(),
        h.vlan(),
        h.mac(),
        h.present(),
        ev);
  }

  static String bare(String address) {
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }
}
