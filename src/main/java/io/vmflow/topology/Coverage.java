package io.vmflow.topology;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.spec.Spec;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Coverage findings: outputs a VM's path needed that the dump does not hold, said as such ("no
 * `ovs-ofctl show br-int` in the dump: OpenFlow port unknown") instead of guessed.
 */
final class Coverage {

  static final String SPEC_MISSING = "SPEC_MISSING";
  static final String PATH_UNKNOWN = "PATH_UNKNOWN";

  private Coverage() {}

  static void missing(Collection<HostFacts> hosts, List<Vm> vms, List<Finding> findings) {
    Set<String> said = new LinkedHashSet<>();
    for (Vm vm : vms) {
      for (VmPort port : vm.ports()) {
        if (port.hops().isEmpty()) {
          findings.add(
              Finding.coverage(
                  Severity.WARNING,
                  PATH_UNKNOWN,
                  "no host output in the dump shows a device of port "
                      + port.portId()
                      + " of VM "
                      + vm.id()
                      + " (looked for tap/qbr/qvb/qvo/qvm/ply/pvi/pvo"
                      + port.deviceId()
                      + ")",
                  ""));
          continue;
        }
        String host = port.hops().get(0).host();
        HostFacts h = hosts.stream().filter(x -> x.key.equals(host)).findFirst().orElse(null);
        if (h == null) {
          continue;
        }
        for (Hop hop : port.hops()) {
          if (!hop.bridge().isEmpty()
              && !hop.kind().equals(HopKind.LINUX_BRIDGE)
              && isOvs(h, hop.bridge())
              && hop.ofport().isEmpty()
              && said.add(host + "|ofctl|" + hop.bridge())) {
            findings.add(
                Finding.coverage(
                    Severity.INFO,
                    SPEC_MISSING,
                    "no `ovs-ofctl show "
                        + hop.bridge()
                        + "` for "
                        + hop.device()
                        + " on "
                        + host
                        + ": OpenFlow port unknown",
                    ""));
          }
        }
        // a Linux bridge agent's path (tap → brq → vxlan-N) never touches OVS: nothing to ask of it
        boolean ovs = port.hops().stream().anyMatch(x -> x.kind() == HopKind.INTEGRATION_BRIDGE);
        if (ovs && !h.has(Spec.OVS_VSCTL_SHOW) && said.add(host + "|vsctl")) {
          findings.add(
              Finding.coverage(
                  Severity.INFO,
                  SPEC_MISSING,
                  "no `ovs-vsctl show` on " + host + ": VLAN tags and patch peers unknown",
                  ""));
        }
        if (ovs && !h.has(Spec.OVS_APPCTL_FDB_SHOW) && said.add(host + "|fdb")) {
          findings.add(
              Finding.coverage(
                  Severity.INFO,
                  SPEC_MISSING,
                  "no `ovs-appctl fdb/show` on " + host + ": where br-int learned VM MACs unknown",
                  ""));
        }
      }
    }
  }

  private static boolean isOvs(HostFacts h, String bridge) {
    return h.ovsBridges.stream().anyMatch(b -> b.value().name().equals(bridge))
        || h.ofports.containsKey(bridge)
        || bridge.startsWith("br-")
        || bridge.startsWith("ply");
  }
}
