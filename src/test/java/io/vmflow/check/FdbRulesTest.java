package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/**
 * {@link FdbRules}: br-int learns the VM's MAC on its own OpenFlow port and VLAN. Plain Java, from
 * outputs made in the test.
 */
class FdbRulesTest {

  @Test
  void macLearnedOnTheVmsOwnPortAndVlanIsSilent() {
    HybridHost h =
        HybridHost.oneVm()
            .with(Spec.OVS_APPCTL_FDB_SHOW, "br-int", "    5     1  fa:16:3e:29:fb:13    0\n");
    assertThat(h.codes(new FdbRules())).isEmpty();
  }

  @Test
  void macLearnedOnAnotherPortIsFlagged() {
    HybridHost h =
        HybridHost.oneVm()
            .with(Spec.OVS_APPCTL_FDB_SHOW, "br-int", "    9     1  fa:16:3e:29:fb:13    0\n");
    assertThat(h.codes(new FdbRules())).containsExactly(FdbRules.FDB_WRONG_PORT);
  }

  @Test
  void macLearnedOnAnotherVlanIsFlagged() {
    HybridHost h =
        HybridHost.oneVm()
            .with(Spec.OVS_APPCTL_FDB_SHOW, "br-int", "    5     7  fa:16:3e:29:fb:13    0\n");
    assertThat(h.codes(new FdbRules())).containsExactly(FdbRules.FDB_WRONG_VLAN);
  }
}
