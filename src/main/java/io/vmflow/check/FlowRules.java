package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.DropFlow;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An OpenFlow drop rule on a bridge of the VM's path that names the VM's IP or MAC and has dropped
 * packets: a leftover security-group or debugging rule silently eating the VM's traffic. Neutron's
 * own drop rules match ports and VLANs, not one VM's addresses, so they do not trip this.
 */
final class FlowRules implements Rule {

  static final String FLOW_DROPS_VM_TRAFFIC = "FLOW_DROPS_VM_TRAFFIC";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        List<String> addresses = new ArrayList<>(port.ips());
        if (!port.mac().isEmpty()) {
          addresses.add(port.mac());
        }
        for (String hostKey : hostsOf(port)) {
          Host host = t.host(hostKey).orElse(null);
          if (host == null) {
            continue;
          }
          Set<String> bridges = bridgesOn(port, hostKey);
          for (DropFlow f : host.dropFlows()) {
            String named = addresses.stream().filter(f::names).findFirst().orElse("");
            if (!named.isEmpty() && bridges.contains(f.bridge())) {
              out.add(
                  Flags.flag(
                      Severity.ERROR,
                      FLOW_DROPS_VM_TRAFFIC,
                      "a flow on "
                          + f.bridge()
                          + " ("
                          + hostKey
                          + ", table "
                          + f.table()
                          + ", priority "
                          + f.priority()
                          + ", "
                          + f.match()
                          + ") drops traffic for "
                          + named
                          + " of "
                          + Flags.name(vm)
                          + ": "
                          + f.packets()
                          + " packets so far",
                      vm.id(),
                      hostKey,
                      "find who added it (`ovs-ofctl dump-flows "
                          + f.bridge()
                          + "` cookie) and remove it if it is not the agent's",
                      List.of(f.evidence())));
            }
          }
        }
      }
    }
    return out;
  }

  private static Set<String> hostsOf(VmPort port) {
    Set<String> hosts = new LinkedHashSet<>();
    port.hops().forEach(h -> hosts.add(h.host()));
    return hosts;
  }

  private static Set<String> bridgesOn(VmPort port, String host) {
    Set<String> bridges = new LinkedHashSet<>();
    for (Hop h : port.hops()) {
      if (h.host().equals(host)) {
        bridges.add(h.device());
        if (!h.bridge().isEmpty()) {
          bridges.add(h.bridge());
        }
      }
    }
    return bridges;
  }
}
