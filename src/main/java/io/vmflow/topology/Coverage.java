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
              Finding.coverage(Severity.WARNING, PATH_UNKNOWN, pathUnknown(hosts, vm, port), ""));
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

  /**
   * Why a port has no path, naming the port id looked for; when a host output does show a device of
   * the port, says where instead of claiming none does.
   */
  static String pathUnknown(Collection<HostFacts> hosts, Vm vm, VmPort port) {
    String vmName = vm.name().isEmpty() ? vm.id() : vm.name() + " (" + vm.id() + ")";
    String portId = port.portId().isEmpty() ? "(no port id in the dump)" : port.portId();
    String dev = port.deviceId();
    if (dev.isEmpty()) {
      return "path of port "
          + portId
          + " of VM "
          + vmName
          + " unknown: the dump gives no port id to look for its devices by";
    }
    List<String> seen = new java.util.ArrayList<>();
    for (HostFacts h : hosts) {
      for (HostFacts.Located<io.vmflow.parse.OvsVsctlShow.OvsBridge> b : h.ovsBridges) {
        for (io.vmflow.parse.OvsVsctlShow.OvsPort p : b.value().ports()) {
          if (p.name().contains(dev)) {
            seen.add(p.name() + " on " + h.key + " (ovs-vsctl show, " + b.value().name() + ")");
          }
        }
      }
      for (String link : h.links.keySet()) {
        if (link.contains(dev)) {
          seen.add(link + " on " + h.key + " (ip link)");
        }
      }
    }
    if (!seen.isEmpty()) {
      return "path of port "
          + portId
          + " of VM "
          + vmName
          + " could not be traced, though the dump shows its device "
          + String.join(", ", seen.stream().distinct().limit(4).toList())
          + ": the bridge or link between them is missing from the dump";
    }
    return "no host output in the dump shows a device of port "
        + portId
        + " of VM "
        + vmName
        + " (looked for tap/qbr/qvb/qvo/qvm/ply/pvi/pvo"
        + dev
        + ")";
  }

  private static boolean isOvs(HostFacts h, String bridge) {
    return h.ovsBridges.stream().anyMatch(b -> b.value().name().equals(bridge))
        || h.ofports.containsKey(bridge)
        || bridge.startsWith("br-")
        || bridge.startsWith("ply");
  }
}
