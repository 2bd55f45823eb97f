package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.OpenstackId;
import io.vmflow.topology.L3Facts;
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
 * A floating IP the controller associates with the VM's address ({@code floatingip-list}) needs its
 * DNAT and SNAT rules in the router namespace that owns the VM's gateway (on the VM's host for a
 * DVR router). Raised when that namespace's NAT table is in the dump and holds neither rule of the
 * pair; a half pair is {@code L3_FIP_NAT_INCOMPLETE}'s (L3Rules).
 */
final class FloatingIpRules implements L3PathRule {

  static final String L3_FIP_NAT_MISSING = "L3_FIP_NAT_MISSING";

  @Override
  public Optional<Finding> check(Topology t, Vm vm, VmPort port, L3Path p) {
    String ip = p.hops().get(0).ip();
    Optional<L3Hop> gw = p.hops().stream().filter(h -> h.kind().equals("GATEWAY")).findFirst();
    Optional<L3Facts.FloatingIp> fip =
        t.l3().floatingIps().stream()
            .filter(f -> !ip.isEmpty() && f.fixedIp().equals(ip))
            .filter(
                f ->
                    f.portId().isEmpty()
                        || OpenstackId.key(f.portId()).equals(OpenstackId.key(port.portId())))
            .findFirst();
    if (gw.isEmpty() || fip.isEmpty()) {
      return Optional.empty();
    }
    Optional<Namespace> ns =
        t.namespaces().stream()
            .filter(n -> n.name().equals(gw.get().namespace()))
            .filter(n -> n.host().equalsIgnoreCase(gw.get().host()))
            .filter(Namespace::hasFirewall)
            .findFirst();
    if (ns.isEmpty()) {
      return Optional.empty();
    }
    String floating = fip.get().floatingIp();
    boolean any =
        ns.get().nat().stream()
            .anyMatch(
                n ->
                    n.kind().equals("DNAT") && n.match().equals(floating) && n.to().equals(ip)
                        || n.kind().equals("SNAT")
                            && n.match().equals(ip)
                            && n.to().equals(floating));
    if (any) {
      return Optional.empty();
    }
    List<Evidence> ev = new ArrayList<>(List.of(fip.get().evidence()));
    ev.addAll(ns.get().evidence());
    return Optional.of(
        Finding.network(
                Severity.ERROR,
                L3_FIP_NAT_MISSING,
                String.format(
                    "floating IP %s is associated with the VM's %s, but router namespace %s on %s"
                        + " has neither its DNAT (%s to %s) nor its SNAT rule: traffic to the"
                        + " floating IP never reaches the VM",
                    floating, ip, ns.get().name(), ns.get().host(), floating, ip),
                fip.get().evidence().origin(),
                Math.max(0, fip.get().evidence().line()))
            .about(vm.id(), port.portId(), vm.hostKey())
            .withHint("", ev));
  }
}
