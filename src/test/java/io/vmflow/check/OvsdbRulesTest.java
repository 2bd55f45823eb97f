package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/** {@link OvsdbRules}: OVSDB interface errors. Plain Java, from outputs made in the test. */
class OvsdbRulesTest {
  private static final String VSCTL_ERROR =
      """
          Bridge br-int
              Port "qvo9f0e1d2c-3b"
                  tag: 1
                  Interface "qvo9f0e1d2c-3b"
                      error: "could not open network device qvo9f0e1d2c-3b (No such device)"
      """;

  @Test
  void interfaceErrorIsFlagged() {
    HybridHost h = HybridHost.oneVm().with(Spec.OVS_VSCTL_SHOW, "", VSCTL_ERROR);
    assertThat(h.codes(new OvsdbRules())).containsExactly(OvsdbRules.OVS_INTERFACE_ERROR);
  }

  @Test
  void portsWithoutErrorsAreSilent() {
    assertThat(HybridHost.oneVm().codes(new OvsdbRules())).isEmpty();
  }
}
