package io.vmflow.check;

import io.vmflow.finding.Severity;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;

/**
 * The VM's MAC as nova/neutron know it and the tap's MAC on the host belong together: libvirt
 * gives the tap {@code fe:} plus the VM's last five octets ({@code fa:16:3e:29:fb:13} ↔ {@code
 * fe:16:3e:29:fb:13}). Any other pair means the tap belongs to another port.
 */
final class MacRules implements Rule {

  static final String MAC_MISMATCH = "MAC_MISMATCH";

  @Override
  public List<VmFinding> check(Topology t) {
    List<VmFinding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        for (Hop h : port.hops()) {
          if (h.kind() != HopKind.TAP || h.mac().isEmpty() || port.mac().length() != 17 || h.mac().length() != 17) {
            continue;
          }
          if (!h.mac().substring(3).equalsIgnoreCase(port.mac().substring(3))) {
            out.add(Flags.flag(Severity.ERROR, MAC_MISMATCH,
                h.device() + " has MAC " + h.mac() + ", which does not pair with the port's " + port.mac() + " (expected " + "fe" + port.mac().substring(2) + ")",
                vm.id(), h.host(), "the tap may belong to another port: compare `virsh domiflist` with `neutron port-show`", h.evidence()));
          }
        }
      }
    }
    return out;
  }
}
