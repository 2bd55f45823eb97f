package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link NetworkRules}: one network, one local VLAN per host; an IP once per network. Plain Java,
 * from outputs made in the test.
 */
class NetworkRulesTest {

  @Test
  void twoPortsOfOneNetworkOnOneVlanAreSilent() {
    HybridHost h =
        HybridHost.oneVm().vm(HybridHost.VM2, HybridHost.PORT2, HybridHost.MAC2, "10.0.0.18", 1, 6);
    assertThat(h.codes(new NetworkRules())).isEmpty();
  }

  @Test
  void twoPortsOfOneNetworkOnDifferentVlansAreFlagged() {
    HybridHost h =
        HybridHost.oneVm().vm(HybridHost.VM2, HybridHost.PORT2, HybridHost.MAC2, "10.0.0.18", 2, 6);
    assertThat(h.codes(new NetworkRules())).contains(NetworkRules.VLAN_TAG_MISMATCH);
  }

  @Test
  void oneIpOnTwoPortsOfOneNetworkIsFlagged() {
    HybridHost h =
        HybridHost.oneVm().vm(HybridHost.VM2, HybridHost.PORT2, HybridHost.MAC2, "10.0.0.17", 1, 6);
    assertThat(h.codes(new NetworkRules())).contains(NetworkRules.DUPLICATE_IP);
  }
}
