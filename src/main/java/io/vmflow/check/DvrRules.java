package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * A distributed router routes on every compute node that hosts a VM of its networks: its {@code
 * qrouter-<router id>} namespace must be on the VM's host. Raised when the VM's host's {@code ip
 * netns} is in the dump and lists no such namespace (the L3 agent never created the router there,
 * or lost it), on the VMs whose network the router serves only.
 */
final class DvrRules implements Rule {

  static final String L3_DVR_ROUTER_MISSING = "L3_DVR_ROUTER_MISSING";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (Vm.RouterInfo r : absent(t, vm)) {
        String name = "qrouter-" + r.id();
        String listing = t.l3().netnsListing(vm.hostKey());
        List<Evidence> ev = new ArrayList<>(List.of(new Evidence(listing, 1)));
        ev.addAll(r.evidence());
        out.add(
            Finding.network(
                    Severity.ERROR,
                    L3_DVR_ROUTER_MISSING,
                    String.format(
                        "router %s (%s) is distributed but the VM's host %s has no namespace %s"
                            + " (its ip netns: %s): nothing routes the VM's traffic to other"
                            + " subnets or its floating IP on that host",
                        r.name(), r.id(), vm.hostKey(), name, listing),
                    listing,
                    1)
                .about(vm.id(), portOf(t, vm, name), vm.hostKey())
                .withHint("", ev));
      }
    }
    return out;
  }

  /**
   * The distributed routers of the VM's networks that have no namespace on the VM's host, whose
   * {@code ip netns} is in the dump; empty when that listing is not.
   */
  static List<Vm.RouterInfo> absent(Topology t, Vm vm) {
    if (vm.hostKey().isEmpty() || !t.l3().hasNetnsListing(vm.hostKey())) {
      return List.of();
    }
    return vm.routers().stream()
        .filter(Vm.RouterInfo::distributed)
        .filter(
            r ->
                t.namespaces().stream()
                    .noneMatch(
                        n ->
                            n.host().equalsIgnoreCase(vm.hostKey())
                                && n.name().equalsIgnoreCase("qrouter-" + r.id())))
        .toList();
  }

  // the port whose routed path goes (or is expected to go) through the router; else the first
  private static String portOf(Topology t, Vm vm, String namespace) {
    for (L3Path p : t.l3PathsOf(vm.id())) {
      for (L3Hop h : p.hops()) {
        if (h.namespace().equalsIgnoreCase(namespace)) {
          return p.portId();
        }
      }
    }
    return vm.ports().isEmpty() ? "" : vm.ports().get(0).portId();
  }
}
