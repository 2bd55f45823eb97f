package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.Ipv4;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The router's way back to the VM: in the namespace owning the VM's gateway, the main table's most
 * specific route to the VM's address must leave by that gateway port ({@code 10.20.0.0/24 dev
 * qr-…}). Without it the router's replies, and everything it forwards to the VM, follow another
 * route (the default out of {@code qg-}) or none. Raised on the VM whose gateway it is only, so a
 * router of another network never marks it.
 */
final class L3RouteRules implements L3PathRule {

  static final String L3_ROUTE_MISSING = "L3_ROUTE_MISSING";

  @Override
  public Optional<Finding> check(Topology t, Vm vm, VmPort port, L3Path p) {
    Optional<L3Hop> gw = p.hops().stream().filter(h -> h.kind().equals("GATEWAY")).findFirst();
    if (gw.isEmpty() || p.hops().get(0).ip().isEmpty()) {
      return Optional.empty();
    }
    String ip = p.hops().get(0).ip();
    Optional<Namespace> ns =
        t.namespaces().stream()
            .filter(n -> n.name().equals(gw.get().namespace()))
            .filter(n -> n.host().equalsIgnoreCase(gw.get().host()))
            .filter(Namespace::hasRoutes)
            .findFirst();
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    Optional<Namespace.Route> route = lookup(ns.get(), ip);
    if (route.isPresent() && route.get().dev().equals(gw.get().device())) {
      return Optional.empty();
    }
    List<Evidence> ev = new ArrayList<>();
    route.ifPresent(r -> ev.add(r.evidence()));
    ev.addAll(gw.get().evidence());
    String how =
        route
            .map(r -> "its route to " + ip + " is '" + r.text() + "'")
            .orElse("it has no route to " + ip + " at all");
    Finding f =
        Finding.network(
                Severity.ERROR,
                L3_ROUTE_MISSING,
                String.format(
                    "router namespace %s on %s has no route to the VM's subnet out of its gateway"
                        + " port %s (%s): %s, so its replies to the VM go elsewhere",
                    ns.get().name(), ns.get().host(), gw.get().device(), gw.get().ip(), how),
                ev.get(0).origin(),
                Math.max(0, ev.get(0).line()))
            .about(vm.id(), port.portId(), vm.hostKey())
            .withHint("", ev);
    return Optional.of(f);
  }

  // the main table's longest prefix holding ip (a default route last)
  private static Optional<Namespace.Route> lookup(Namespace ns, String ip) {
    return ns.routes().stream()
        .filter(r -> r.type().equals("unicast") && r.table().equals("main"))
        .filter(r -> r.isDefault() || r.destination().contains(".") && covers(r, ip))
        .max(Comparator.comparingInt(L3RouteRules::length));
  }

  private static boolean covers(Namespace.Route r, String ip) {
    String d = r.destination();
    return d.contains("/") ? Ipv4.inPrefix(d, ip) : d.equals(ip);
  }

  private static int length(Namespace.Route r) {
    if (r.isDefault()) {
      return 0;
    }
    int slash = r.destination().indexOf('/');
    return slash < 0 ? 32 : Integer.parseInt(r.destination().substring(slash + 1));
  }
}
