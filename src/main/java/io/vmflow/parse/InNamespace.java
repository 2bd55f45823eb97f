package io.vmflow.parse;

import java.util.Optional;

/**
 * A host-level output taken inside a network namespace ({@code ip netns exec NS ...}): the record
 * the host-level parser made of it, in the one field of its kind (the others empty). The namespace
 * is the artifact's subject; wrapping keeps a router's devices, routes and NAT rules apart from the
 * host's own.
 */
public record InNamespace(
    Optional<IpLink> addresses,
    Optional<IpRoute> routes,
    Optional<IpNeigh> neighbours,
    Optional<IpRule> rules,
    Optional<FirewallRules> firewall)
    implements ParsedRecord {

  public InNamespace {
    addresses = addresses == null ? Optional.empty() : addresses;
    routes = routes == null ? Optional.empty() : routes;
    neighbours = neighbours == null ? Optional.empty() : neighbours;
    rules = rules == null ? Optional.empty() : rules;
    firewall = firewall == null ? Optional.empty() : firewall;
  }

  /** {@code output} in the field of its kind; empty for a kind no namespace output has. */
  static Optional<InNamespace> of(ParsedRecord output) {
    Optional<IpLink> a = output instanceof IpLink l ? Optional.of(l) : Optional.empty();
    Optional<IpRoute> r = output instanceof IpRoute x ? Optional.of(x) : Optional.empty();
    Optional<IpNeigh> n = output instanceof IpNeigh x ? Optional.of(x) : Optional.empty();
    Optional<IpRule> u = output instanceof IpRule x ? Optional.of(x) : Optional.empty();
    Optional<FirewallRules> f =
        output instanceof FirewallRules x ? Optional.of(x) : Optional.empty();
    boolean any = a.isPresent() || r.isPresent() || n.isPresent() || u.isPresent() || f.isPresent();
    return any ? Optional.of(new InNamespace(a, r, n, u, f)) : Optional.empty();
  }
}
