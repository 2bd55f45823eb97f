package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.PortShow;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Neutron's anti-spoofing: with port security on, a port lets out only its fixed IPs and {@code
 * allowed_address_pairs}; echo requests of the VM's own with another source die at its tap ({@code
 * PORT_SECURITY_DROPS_SOURCE}).
 */
final class PortSecurityCauses {

  static final String PORT_SECURITY_DROPS_SOURCE = "PORT_SECURITY_DROPS_SOURCE";

  private PortSecurityCauses() {}

  // the VM's own echoes leave it with a source its port does not own: neutron's anti-spoofing
  // rules drop them before they reach the bridge
  static Optional<Finding> spoofed(
      Topology t, LossCase loss, Map<String, SecurityGroupCauses.At<PortShow>> ports) {
    if (!loss.direction().equals("request") || loss.devices().isEmpty()) {
      return Optional.empty();
    }
    Optional<Vm> vm = t.vm(loss.vmId());
    for (VmPort vp : vm.map(Vm::ports).orElse(List.of())) {
      SecurityGroupCauses.At<PortShow> at = ports.get(vp.portId());
      PortShow p = at == null ? null : at.value();
      boolean egress =
          !vp.hops().isEmpty() && vp.hops().get(0).device().equals(loss.devices().get(0));
      if (p == null || !egress || p.portSecurity().equals(Optional.of(false))) {
        continue;
      }
      List<String> owned = new ArrayList<>();
      p.fixedIps().forEach(ip -> owned.add(ip.ipAddress()));
      owned.addAll(p.allowedAddresses());
      if (owned.isEmpty() || owned.stream().anyMatch(a -> Addresses.inNetwork(loss.src(), a))) {
        continue;
      }
      return Optional.of(
          Finding.network(
                  Severity.WARNING,
                  PORT_SECURITY_DROPS_SOURCE,
                  "port "
                      + vp.portId()
                      + " ("
                      + loss.devices().get(0)
                      + ") has port security on and owns "
                      + String.join(", ", owned)
                      + " (fixed IPs and allowed address pairs), not the source "
                      + loss.src()
                      + " of the VM's echo requests: anti-spoofing rules drop them",
                  at.origin(),
                  p.line())
              .about(loss.vmId(), vp.portId(), "")
              .withHint(
                  "add " + loss.src() + " to the port's allowed_address_pairs, or fix the guest",
                  List.of(new Evidence(at.origin(), p.line()))));
    }
    return Optional.empty();
  }
}
