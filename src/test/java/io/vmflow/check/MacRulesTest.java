package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/**
 * {@link MacRules}: the tap's MAC pairs with the port's. Plain Java, from outputs made in the test.
 */
class MacRulesTest {

  private static final String TAP_LINK =
      """
      12: tap1c65142e-2a: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc pfifo_fast master qbr1c65142e-2a state UNKNOWN mode DEFAULT group default qlen 1000
          link/ether %s brd ff:ff:ff:ff:ff:ff
      """;

  @Test
  void tapMacPairedWithThePortsMacIsSilent() {
    HybridHost h =
        HybridHost.oneVm().with(Spec.IP_LINK, "", TAP_LINK.formatted("fe:16:3e:29:fb:13"));
    assertThat(h.codes(new MacRules())).isEmpty();
  }

  @Test
  void tapMacOfAnotherPortIsFlagged() {
    HybridHost h =
        HybridHost.oneVm().with(Spec.IP_LINK, "", TAP_LINK.formatted("fe:16:3e:00:00:99"));
    assertThat(h.codes(new MacRules())).containsExactly(MacRules.MAC_MISMATCH);
  }
}
