package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Dump;
import io.vmflow.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DHCP rules on outputs parsed by their real parsers and joined by topology: nova's VM with its
 * port on network NET, neutron subnet-show of its subnet (DHCP on), and a network node's ip netns
 * and DHCP host file (the agent's dnsmasq file as sos copies it).
 */
class DhcpFromOutputsTest {

  private static final String NODE = "network-1";
  private static final String OTHER_NET = "6ee86f5e-5d22-4c00-a2cd-6622ec856e17";

  private static Dump dump(String netns, String hostFileNet, String hostFile) {
    return new Dump()
        .vm(Dump.VM, "compute-1", Dump.PORT, Dump.MAC, "10.0.0.5")
        .on(
            "",
            Spec.NEUTRON_SUBNET_SHOW,
            "0d67a197-449f-47c2-8ed4-037fd3519644",
            Dump.table(
                List.of("Field", "Value"),
                List.of(
                    List.of(
                        "allocation_pools", "{\"start\": \"10.0.0.2\", \"end\": \"10.0.0.254\"}"),
                    List.of("cidr", "10.0.0.0/24"),
                    List.of("enable_dhcp", "True"),
                    List.of("gateway_ip", "10.0.0.1"),
                    List.of("id", "0d67a197-449f-47c2-8ed4-037fd3519644"),
                    List.of("network_id", Dump.NET),
                    List.of("tenant_id", "d034846b0c0f4df4b0ef6cae1bd9b306"))))
        .on(NODE, Spec.IP_NETNS, "", netns)
        .on(NODE, Spec.NEUTRON_DHCP_HOST, hostFileNet, hostFile);
  }

  private static List<Finding> dhcp(Topology t) {
    return Checks.run(t).stream().filter(f -> f.code().startsWith("DHCP_")).toList();
  }

  @Test
  void theVmInItsNetworksHostFileWithItsNamespaceIsQuiet() {
    Topology t =
        dump(
                "qdhcp-" + Dump.NET + " (id: 1)\nqdhcp-" + OTHER_NET + " (id: 0)\n",
                Dump.NET,
                Dump.MAC + ",host-10-0-0-5.openstacklocal,10.0.0.5\n")
            .build();
    assertThat(t.l3().dhcpHostsOf(Dump.NET)).hasSize(1);
    assertThat(dhcp(t)).isEmpty();
  }

  @Test
  void aHostFileWithoutTheVmAndNoNamespaceOfItsNetworkAreBothSaid() {
    // the network node serves another network only; its host file of the VM's network is stale
    Topology t =
        dump(
                "qdhcp-" + OTHER_NET + " (id: 0)\n",
                Dump.NET,
                "fa:16:3e:61:21:c6,host-10-0-0-85.openstacklocal,10.0.0.85\n")
            .build();
    assertThat(dhcp(t))
        .extracting(Finding::code, Finding::vmId)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple(DhcpRules.DHCP_HOST_MISSING, Dump.VM),
            org.assertj.core.api.Assertions.tuple(DhcpRules.DHCP_NAMESPACE_MISSING, Dump.VM));
    assertThat(dhcp(t))
        .filteredOn(f -> f.code().equals(DhcpRules.DHCP_HOST_MISSING))
        .singleElement()
        .satisfies(f -> assertThat(f.origin()).isEqualTo(NODE + "/neutron_dhcp_host"));
  }

  @Test
  void theHostFileOfAnotherNetworkSaysNothingAboutTheVm() {
    Topology t =
        dump(
                "qdhcp-" + Dump.NET + " (id: 1)\n",
                OTHER_NET,
                "fa:16:3e:61:21:c6,host-192-168-101-85.openstacklocal,192.168.101.85\n")
            .build();
    assertThat(dhcp(t)).isEmpty();
  }
}
