package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.MacSighting;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port's MAC must be one value in nova, neutron and libvirt; and the tap's MAC on the host pairs
 * with it: libvirt gives the tap {@code fe:} plus the VM's last five octets ({@code
 * fa:16:3e:29:fb:13} ↔ {@code fe:16:3e:29:fb:13}). Any other pair means the tap belongs to another
 * port.
 */
final class MacRules implements Rule {

  static final String MAC_MISMATCH = "MAC_MISMATCH";

  // sos clean replaces each MAC by 53:4f:53 ("SOS") plus three random octets, one MAC at a time:
  // the tap's fe: MAC and the VM's fa: MAC become unrelated values, so their pairing is unknowable
  private static final String SOS_CLEAN_VENDOR = "53:4f:53:";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        sources(vm, port, out);
        tap(vm, port, out);
      }
    }
    return out;
  }

  private static void sources(Vm vm, VmPort port, List<Finding> out) {
    Map<String, List<String>> byMac = new LinkedHashMap<>();
    for (MacSighting m : port.macs()) {
      byMac.computeIfAbsent(m.mac(), k -> new ArrayList<>()).add(m.source());
    }
    if (byMac.size() < 2) {
      return;
    }
    List<String> said = new ArrayList<>();
    byMac.forEach((mac, sources) -> said.add(String.join("/", sources) + " " + mac));
    List<Evidence> evidence = port.macs().stream().map(MacSighting::evidence).toList();
    out.add(
        Flags.flag(
            Severity.ERROR,
            MAC_MISMATCH,
            "port "
                + port.portId()
                + " of "
                + Flags.name(vm)
                + " has different MACs: "
                + String.join(" vs ", said),
            vm.id(),
            vm.hostKey(),
            "the VM was re-plugged or its domain XML is stale: compare `virsh domiflist` with `openstack port show`",
            evidence));
  }

  private static void tap(Vm vm, VmPort port, List<Finding> out) {
    if (port.mac().length() != 17 || port.mac().startsWith(SOS_CLEAN_VENDOR)) {
      return;
    }
    for (Hop h : port.hops()) {
      if (h.kind() != HopKind.TAP
          || h.mac().length() != 17
          || h.mac().startsWith(SOS_CLEAN_VENDOR)) {
        continue;
      }
      if (!h.mac().substring(3).equalsIgnoreCase(port.mac().substring(3))) {
        out.add(
            Flags.flag(
                Severity.ERROR,
                MAC_MISMATCH,
                h.device()
                    + " has MAC "
                    + h.mac()
                    + ", which does not pair with the port's "
                    + port.mac()
                    + " (expected fe"
                    + port.mac().substring(2)
                    + ")",
                vm.id(),
                h.host(),
                "the tap may belong to another port: compare `virsh domiflist` with `neutron port-show`",
                h.evidence()));
      }
    }
  }
}
