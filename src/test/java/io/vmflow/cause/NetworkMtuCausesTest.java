package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.topology.Fact;
import io.vmflow.topology.L3Facts;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The network's MTU (net-show) against the lab's path devices on compute-a (all 1500, or the tap
 * and its bridge at 1000 in tap-mtu): said once, for the VMs of that network only.
 */
class NetworkMtuCausesTest {

  static final String NET_SHOW = "sos_commands/neutron/neutron_net-show_net";

  // the lab's VMs with vm2 moved to another network, and net-show of "net" giving mtu
  static Topology withNetworkMtu(int mtu) {
    Topology lab = LabFacts.topology();
    List<Vm> vms = new ArrayList<>();
    for (Vm vm : lab.vms()) {
      if (!vm.name().equals("vm2")) {
        vms.add(vm);
        continue;
      }
      VmPort p = vm.ports().get(0);
      VmPort other =
          new VmPort(
              p.portId(),
              p.aliasId(),
              p.deviceId(),
              p.mac(),
              p.ips(),
              "other-net",
              "other",
              p.cidrs(),
              p.status(),
              p.hops(),
              p.macs(),
              p.evidence());
      vms.add(
          new Vm(
              vm.id(),
              vm.name(),
              vm.status(),
              vm.hostKey(),
              List.of(other),
              vm.routers(),
              List.of()));
    }
    L3Facts l3 =
        new L3Facts(
            List.of(new L3Facts.Network("net", "lab-net", mtu, "false", new Evidence(NET_SHOW, 9))),
            List.of(),
            List.of(),
            Map.of());
    return new Topology(lab.hosts(), vms, lab.findings(), List.of(), List.of(), List.of(), l3);
  }

  private static List<Finding> found(Topology t, String linkFile) {
    List<Fact> facts = List.of(fact(A, linkFile));
    return Causes.explain(t, facts, List.of(), List.of()).findings().stream()
        .filter(f -> f.code().startsWith("MTU_"))
        .toList();
  }

  @Test
  void aNetworkMtuLargerThanThePathIsNamedOnItsVmOnly() {
    assertThat(found(withNetworkMtu(9000), "ovs-fw_ip_-d_address"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(NetworkMtuCauses.MTU_NETWORK_LARGER);
              assertThat(f.vmId()).isEqualTo("vm1-id");
              assertThat(f.message())
                  .contains("network lab-net has MTU 9000", NET_SHOW)
                  .contains("tap3f1a2b4c-5d on the VM's path has MTU 1500");
              assertThat(f.origin()).endsWith("ovs-fw_ip_-d_address");
              assertThat(f.line()).isEqualTo(f.evidence().get(0).line()).isPositive();
              assertThat(f.evidence()).extracting(Evidence::origin).contains(NET_SHOW);
            });
  }

  @Test
  void aNetworkMtuThePathCarriesIsQuiet() {
    assertThat(found(withNetworkMtu(1500), "ovs-fw_ip_-d_address")).isEmpty();
    assertThat(found(withNetworkMtu(1450), "ovs-fw_ip_-d_address")).isEmpty();
  }

  @Test
  void aPathDeviceSmallerThanTheOthersIsSaidOnceAsMtuMismatch() {
    // tap-mtu: the tap at 1000 among 1500s; the network's 1500 is not said again
    assertThat(found(withNetworkMtu(1500), "tap-mtu_ip_-s_-d_link"))
        .extracting(Finding::code, Finding::vmId)
        .containsExactly(org.assertj.core.api.Assertions.tuple("MTU_MISMATCH", "vm1-id"));
  }
}
