package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.L3Facts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DHCP on each VM's network (L3Dump: two VMs, two networks): a fault of net1 marks vm1 only. */
class DhcpRulesTest {

  private static List<Finding> check(L3Dump d) {
    return new DhcpRules().check(d.topology());
  }

  @Test
  void bothVmsInTheirHostFilesWithTheirNamespacesAreQuiet() {
    assertThat(check(L3Dump.healthy())).isEmpty();
  }

  @Test
  void anAddressMissingFromItsNetworksHostFileIsNamedOnThatVmOnly() {
    L3Dump d = L3Dump.healthy();
    d.dhcp.set(0, L3Dump.hostFile("net1", "fa:16:3e:00:00:99", "10.20.0.99"));
    assertThat(check(d))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(DhcpRules.DHCP_HOST_MISSING);
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message())
                  .contains("network net1", "network-b", "10.20.0.11", "fa:16:3e:00:00:11");
              assertThat(f.origin()).isEqualTo("network-b/var/lib/neutron/dhcp/net1/host");
              assertThat(f.line()).isEqualTo(1);
            });
  }

  @Test
  void theVmsAddressGivenToAnotherMacIsAnError() {
    L3Dump d = L3Dump.healthy();
    d.dhcp.set(0, L3Dump.hostFile("net1", "fa:16:3e:00:00:99", "10.20.0.11"));
    assertThat(check(d))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(DhcpRules.DHCP_HOST_WRONG_MAC);
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(f.message()).contains("fa:16:3e:00:00:99", "fa:16:3e:00:00:11");
              assertThat(f.line()).isEqualTo(2);
            });
  }

  @Test
  void noHostFileOfTheNetworkInTheDumpSaysNothingAboutIt() {
    L3Dump d = L3Dump.healthy();
    d.dhcp.remove(0);
    assertThat(check(d)).isEmpty();
  }

  @Test
  void aMissingDhcpNamespaceIsNamedWhenTheNetworkNodeIsInTheDump() {
    L3Dump d = L3Dump.healthy();
    d.remove("qdhcp-net1");
    assertThat(check(d))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(DhcpRules.DHCP_NAMESPACE_MISSING);
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(f.message()).contains("qdhcp-net1", "subnet s1", "network-b");
              assertThat(f.origin()).isEqualTo("subnet-show_s1");
              assertThat(f.evidence())
                  .extracting(e -> e.origin() + ":" + e.line())
                  .contains(L3Dump.NETNS_NODE + ":2");
            });
  }

  @Test
  void withoutAHostRunningDhcpInTheDumpNoNamespaceIsMissed() {
    L3Dump d = L3Dump.healthy();
    d.remove("qdhcp-net1");
    d.remove("qdhcp-net2");
    d.dhcp.clear();
    assertThat(check(d)).isEmpty();
  }

  @Test
  void aSubnetWithDhcpOffIsLeftAlone() {
    L3Dump d = L3Dump.healthy();
    d.dhcp1 = "false";
    d.remove("qdhcp-net1");
    d.dhcp.set(0, L3Dump.hostFile("net1", "fa:16:3e:00:00:99", "10.20.0.99"));
    assertThat(check(d)).isEmpty();
  }

  @Test
  void theHostFilesOfOtherNetworksAreNotReadForTheVm() {
    L3Dump d = L3Dump.healthy();
    // net2's file lacks vm1's address, as it should: vm1 is on net1
    assertThat(d.dhcp.get(1).entries())
        .extracting(L3Facts.DhcpHostFile.Entry::ip)
        .doesNotContain("10.20.0.11");
    assertThat(check(d)).isEmpty();
  }
}
