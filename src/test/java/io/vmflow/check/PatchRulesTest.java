package io.vmflow.check;

import static io.vmflow.check.HybridHost.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import io.vmflow.topology.Dump;
import org.junit.jupiter.api.Test;

/**
 * {@link PatchRules}: patch ports name each other as peers. Plain Java, from outputs made in the
 * test.
 */
class PatchRulesTest {

  private HybridHost fusionSphere(String pvoPeer) {
    HybridHost h = new HybridHost();
    h.dump
        .vm(Dump.VM, HOST, Dump.PORT, Dump.MAC, "10.0.0.17")
        .on(
            HOST,
            Spec.BRCTL_SHOW,
            "",
            "qbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\tqvm1c65142e-2a\n\t\t\t\t\t\t\ttap1c65142e-2a\n")
        .on(
            HOST,
            Spec.OVS_VSCTL_SHOW,
            "",
            """
                Bridge "ply1c65142e-2a"
                    Port "qvm1c65142e-2a"
                        Interface "qvm1c65142e-2a"
                    Port "pvi1c65142e-2a"
                        Interface "pvi1c65142e-2a"
                            type: patch
                            options: {peer="pvo1c65142e-2a"}
                Bridge br-int
                    Port "pvo1c65142e-2a"
                        tag: 15
                        Interface "pvo1c65142e-2a"
                            type: patch
                            options: {peer="%s"}
            """
                .formatted(pvoPeer));
    return h;
  }

  @Test
  void patchPairNamingEachOtherIsSilent() {
    assertThat(fusionSphere("pvi1c65142e-2a").codes(new PatchRules())).isEmpty();
  }

  @Test
  void peerNamingAThirdPortIsFlagged() {
    assertThat(fusionSphere("pvi00000000-00").codes(new PatchRules()))
        .contains(PatchRules.PATCH_PEER_MISMATCH);
  }
}
