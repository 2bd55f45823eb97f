package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/**
 * {@link FlowRules}: a drop rule that names the VM's address and dropped packets. Plain Java, from
 * outputs made in the test.
 */
class FlowRulesTest {

  private static final String DROP =
      " cookie=0x0, duration=10.5s, table=0, n_packets=%d, n_bytes=1176, priority=100,ip,nw_dst=%s actions=drop\n";

  @Test
  void dropFlowThatDroppedTheVmsTrafficIsFlagged() {
    HybridHost h =
        HybridHost.oneVm()
            .with(Spec.OVS_OFCTL_DUMP_FLOWS, "br-int", String.format(DROP, 12, "10.0.0.17"));
    assertThat(h.codes(new FlowRules())).containsExactly(FlowRules.FLOW_DROPS_VM_TRAFFIC);
  }

  @Test
  void dropFlowForAnotherAddressOrWithoutPacketsIsSilent() {
    HybridHost h =
        HybridHost.oneVm()
            .with(
                Spec.OVS_OFCTL_DUMP_FLOWS,
                "br-int",
                String.format(DROP, 12, "10.0.0.99") + String.format(DROP, 0, "10.0.0.17"));
    assertThat(h.codes(new FlowRules())).isEmpty();
  }
}
