package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * One step of a VM's routed path, like a {@link Hop} of its L2 path plus where routing happens.
 *
 * @param kind {@code VM}, {@code GATEWAY} (the router port owning the VM's gateway IP), {@code
 *     ROUTER} (a namespace's egress by its route), {@code SNAT}, {@code FIP}, {@code
 *     EXTERNAL_GATEWAY} ({@code qg-} or {@code fg-}), or {@code ROUTER_EXPECTED} (the controller
 *     says a router serves the network; the dump holds no namespace of it)
 * @param ip the address this step holds or forwards to ("" when unknown)
 * @param namespace the namespace the device is in, "" for the VM
 * @param route the route (or NAT rule) that takes the packet onwards, "" when none
 * @param present false when the step is expected but no output in the dump shows it
 */
public record L3Hop(
    String device,
    String kind,
    String host,
    String namespace,
    String ip,
    String route,
    String bridge,
    String ofport,
    int vlan,
    String mac,
    boolean present,
    List<Evidence> evidence) {

  public L3Hop {
    evidence = List.copyOf(evidence);
  }
}
