package io.vmflow.check;

import static io.vmflow.check.HybridHost.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import io.vmflow.topology.Dump;
import org.junit.jupiter.api.Test;

/**
 * {@link PathRules}: devices, qbr members, port state and VLAN tags along one path. Plain Java,
 * from outputs made in the test.
 */
class PathRulesTest {

  @Test
  void healthyHybridPathIsSilent() {
    assertThat(HybridHost.oneVm().codes(new PathRules())).isEmpty();
  }

  @Test
  void qvoWithoutVlanTagIsFlagged() {
    HybridHost untagged = new HybridHost();
    untagged
        .dump
        .vm(Dump.VM, HOST, Dump.PORT, Dump.MAC, "10.0.0.17")
        .on(
            HOST,
            Spec.BRCTL_SHOW,
            "",
            "qbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\tqvb1c65142e-2a\n\t\t\t\t\t\t\ttap1c65142e-2a\n")
        .on(
            HOST,
            Spec.OVS_VSCTL_SHOW,
            "",
            "    Bridge br-int\n        Port \"qvo1c65142e-2a\"\n            Interface \"qvo1c65142e-2a\"\n");
    assertThat(untagged.codes(new PathRules())).contains(PathRules.VLAN_TAG_MISSING);
  }
}
