package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.parse.FirewallRules;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.IpNeigh;
import io.vmflow.parse.IpRoute;
import io.vmflow.topology.HostFacts.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host's namespaces as {@link Namespace} records: kind and object id from the name, devices with
 * their role and br-int port (found by the device name, as OVSDB names neutron's internal ports),
 * routes, neighbours and NAT rules.
 */
final class Namespaces {

  // qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5, qdhcp-<net>, snat-<router>, fip-<ext net>
  private static final Pattern NAMED = Pattern.compile("^(qrouter|snat|fip|qdhcp)-(.+)$");
  // qr-3a70b31c-3f, qg-14f81a43-69, sg-..., fg-..., rfp-984c22fd-6, tap0e778df8-ca, ns-...
  private static final Pattern DEVICE = Pattern.compile("^(qr|qg|sg|fg|rfp|fpr|tap|ns|ha)-?(.*)$");
  // -A neutron-l3-agent-PREROUTING -d 10.100.0.203/32 -i rfp-984c22fd-6 -j DNAT --to-destination
  // 192.168.21.18
  private static final Pattern DNAT =
      Pattern.compile("-d ([0-9a-fA-F.:]+)(?:/32)?\\b.*-j DNAT --to-destination ([0-9a-fA-F.:]+)");
  // -A neutron-l3-agent-float-snat -s 192.168.21.18/32 -j SNAT --to-source 10.100.0.203
  private static final Pattern SNAT =
      Pattern.compile("-s ([0-9a-fA-F.:]+)(?:/32)?\\b.*-j SNAT --to-source ([0-9a-fA-F.:]+)");

  private Namespaces() {}

  static List<Namespace> of(HostFacts h) {
    List<Namespace> out = new ArrayList<>();
    for (NamespaceFacts ns : h.namespaces.values()) {
      out.add(namespace(h, ns));
    }
    return out;
  }

  private static Namespace namespace(HostFacts h, NamespaceFacts ns) {
    Matcher m = NAMED.matcher(ns.name);
    List<Namespace.Port> ports = new ArrayList<>();
    ns.devices.values().forEach(d -> ports.add(port(h, d)));
    List<Namespace.Route> routes = new ArrayList<>();
    for (Located<IpRoute.Route> r : ns.routes) {
      IpRoute.Route x = r.value();
      routes.add(
          new Namespace.Route(
              x.type(), x.destination(), x.via(), x.dev(), x.table(), ev(r.origin(), x.line())));
    }
    List<Namespace.Neighbour> neighbours = new ArrayList<>();
    for (Located<IpNeigh.Neighbour> n : ns.neighbours) {
      IpNeigh.Neighbour x = n.value();
      neighbours.add(
          new Namespace.Neighbour(
              x.ip(),
              x.dev(),
              x.mac().map(Object::toString).orElse(""),
              x.state(),
              ev(n.origin(), x.line())));
    }
    List<Namespace.Nat> nat = new ArrayList<>();
    for (Located<FirewallRules.Rule> r : ns.firewall) {
      nat(r).ifPresent(nat::add);
    }
    List<Evidence> evidence = new ArrayList<>();
    if (ns.listed != null) {
      evidence.add(ev(ns.listed.origin(), ns.listed.value()));
    }
    return new Namespace(
        h.key,
        ns.name,
        Namespace.kindOf(ns.name),
        m.matches() ? m.group(2) : "",
        ports,
        routes,
        neighbours,
        nat,
        ns.hasAddresses,
        ns.hasRoutes,
        ns.hasNeighbours,
        ns.hasFirewall,
        evidence);
  }

  private static Namespace.Port port(HostFacts h, Located<IpLink.LinkDevice> l) {
    IpLink.LinkDevice d = l.value();
    Matcher m = DEVICE.matcher(d.name());
    String role = d.name().equals("lo") ? "lo" : m.matches() ? m.group(1) : "other";
    String id = m.matches() && m.group(2).length() == 11 ? m.group(2) : "";
    String bridge = "";
    String ofport = "";
    int vlan = -1;
    var ovs = h.ovsPort(d.name());
    if (ovs.isPresent()) {
      bridge = ovs.get().value().getKey();
      vlan = ovs.get().value().getValue().tag();
      ofport = h.ofport(bridge, d.name()).map(o -> o.value().portNo().value()).orElse("");
    }
    return new Namespace.Port(
        d.name(),
        role,
        id,
        d.isUp(),
        d.state(),
        d.mac().map(Object::toString).orElse(""),
        d.mtu(),
        d.addresses(),
        bridge,
        ofport,
        vlan,
        ev(l.origin(), d.line()));
  }

  private static Optional<Namespace.Nat> nat(Located<FirewallRules.Rule> r) {
    String text = r.value().text();
    Matcher d = DNAT.matcher(text);
    if (d.find()) {
      return Optional.of(
          new Namespace.Nat("DNAT", d.group(1), d.group(2), ev(r.origin(), r.value().line())));
    }
    Matcher s = SNAT.matcher(text);
    if (s.find()) {
      return Optional.of(
          new Namespace.Nat("SNAT", s.group(1), s.group(2), ev(r.origin(), r.value().line())));
    }
    return Optional.empty();
  }

  private static Evidence ev(String origin, int line) {
    return new Evidence(origin, line);
  }
}
