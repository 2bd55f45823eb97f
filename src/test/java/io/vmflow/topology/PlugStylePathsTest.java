package io.vmflow.topology;

import static io.vmflow.topology.Dump.ID;
import static io.vmflow.topology.Dump.MAC;
import static io.vmflow.topology.Dump.PORT;
import static io.vmflow.topology.Dump.VM;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The path of each plug style, traced from host outputs made in the test (no Spring, no DB). */
class PlugStylePathsTest {

  // bridge name	bridge id		STP enabled	interfaces
  private static final String BRCTL_HEADER = "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n";

  @Test
  void openstackHybridPlugGoesTapQbrQvbQvoBrInt() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on(
                "compute-a",
                Spec.BRCTL_SHOW,
                "",
                BRCTL_HEADER
                    + "qbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\tqvb1c65142e-2a\n"
                    + "\t\t\t\t\t\t\ttap1c65142e-2a\n")
            .on(
                "compute-a",
                Spec.OVS_VSCTL_SHOW,
                "",
                """
                0b8a6f24-1a4b-4c9e-9a0e-2c7c1d5b1e11
                    Bridge br-int
                        Port "qvo1c65142e-2a"
                            tag: 1
                            Interface "qvo1c65142e-2a"
                        Port br-int
                            Interface br-int
                                type: internal
                    ovs_version: "2.17.0"
                """)
            .on(
                "compute-a",
                Spec.OVS_OFCTL_SHOW,
                "br-int",
                " 5(qvo1c65142e-2a): addr:7a:92:22:ab:2f:17\n")
            .build();

    assertThat(Dump.path(t, VM))
        .startsWith(
            "tap" + ID + ":TAP",
            "qbr" + ID + ":LINUX_BRIDGE",
            "qvb" + ID + ":VETH_BRIDGE_SIDE",
            "qvo" + ID + ":VETH_OVS_SIDE",
            "br-int:INTEGRATION_BRIDGE");
    Hop qvo = t.vm(VM).orElseThrow().ports().get(0).hops().get(3);
    assertThat(List.of(qvo.bridge(), qvo.ofport(), String.valueOf(qvo.vlan())))
        .containsExactly("br-int", "5", "1");
    assertThat(t.vm(VM).orElseThrow().hostKey()).isEqualTo("compute-a");
  }

  @Test
  void fusionSpherePlugGoesTapQbrQvmPlyPviPvoBrInt() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on(
                "compute-a",
                Spec.BRCTL_SHOW,
                "",
                // brctl show |grep 1c65 (the field note's lines)
                "qbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\tqvm1c65142e-2a\n"
                    + "\t\t\t\t\t\t\ttap1c65142e-2a\n")
            .on(
                "compute-a",
                Spec.OVS_VSCTL_SHOW,
                "",
                """
                    Bridge "ply1c65142e-2a"
                        Port "qvm1c65142e-2a"
                            Interface "qvm1c65142e-2a"
                        Port "ply1c65142e-2a"
                            Interface "ply1c65142e-2a"
                        Port "pvi1c65142e-2a"
                            Interface "pvi1c65142e-2a"
                                options: {peer="pvo1c65142e-2a"}
                    Bridge br-int
                        Port "pvo1c65142e-2a"
                            tag: 15
                            Interface "pvo1c65142e-2a"
                                type: patch
                                options: {peer="pvi1c65142e-2a"}
                """)
            .on(
                "compute-a",
                Spec.OVS_OFCTL_SHOW,
                "br-int",
                " 71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17\n")
            .on(
                "compute-a",
                Spec.OVS_APPCTL_FDB_SHOW,
                "br-int",
                "   71    15  fa:16:3e:29:fb:13    0\n")
            .build();

    assertThat(Dump.path(t, VM))
        .startsWith(
            "tap" + ID + ":TAP",
            "qbr" + ID + ":LINUX_BRIDGE",
            "qvm" + ID + ":VETH_BRIDGE_SIDE",
            "ply" + ID + ":PORT_BRIDGE",
            "pvi" + ID + ":PATCH",
            "pvo" + ID + ":PATCH",
            "br-int:INTEGRATION_BRIDGE");
    Hop pvo = t.vm(VM).orElseThrow().ports().get(0).hops().get(5);
    assertThat(List.of(pvo.ofport(), String.valueOf(pvo.vlan()), pvo.peer()))
        .containsExactly("71", "15", "pvi" + ID);
    assertThat(pvo.fdb()).extracting(FdbSighting::port).containsExactly("71");
  }

  @Test
  void ovsDirectPlugPutsTheTapOnBrInt() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on(
                "compute-a",
                Spec.OVS_VSCTL_SHOW,
                "",
                """
                    Bridge br-int
                        Port "tap1c65142e-2a"
                            tag: 3
                            Interface "tap1c65142e-2a"
                        Port br-int
                            Interface br-int
                                type: internal
                """)
            .build();

    assertThat(Dump.path(t, VM)).startsWith("tap" + ID + ":TAP", "br-int:INTEGRATION_BRIDGE");
    assertThat(Dump.path(t, VM)).noneMatch(h -> h.startsWith("qbr") || h.startsWith("qvo"));
    assertThat(t.vm(VM).orElseThrow().ports().get(0).hops().get(0).vlan()).isEqualTo(3);
  }

  @Test
  void linuxBridgeAgentGoesTapBrqVxlanWithoutOvs() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on(
                "compute-a",
                Spec.BRCTL_SHOW,
                "",
                BRCTL_HEADER
                    + "brqbef86639-5f\t\t8000.4e62113fce3a\tno\t\ttap1c65142e-2a\n"
                    + "\t\t\t\t\t\t\ttapd9b8a6a4-01\n"
                    + "\t\t\t\t\t\t\tvxlan-267\n")
            .build();

    // the DHCP port's tap on the same bridge is another port's device, not a hop of this path
    assertThat(Dump.path(t, VM))
        .containsExactly("tap" + ID + ":TAP", "brqbef86639-5f:LINUX_BRIDGE", "vxlan-267:TUNNEL");
  }

  @Test
  void aDeviceTheRuleExpectsButNoOutputShowsIsAnAbsentHop() {
    Topology t =
        new Dump()
            .vm(VM, "compute-a", PORT, MAC, "10.0.0.17")
            .on(
                "compute-a",
                Spec.BRCTL_SHOW,
                "",
                BRCTL_HEADER
                    + "qbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\tqvb1c65142e-2a\n"
                    + "\t\t\t\t\t\t\ttap1c65142e-2a\n")
            .on(
                "compute-a",
                Spec.OVS_VSCTL_SHOW,
                "",
                "    Bridge br-int\n        Port br-int\n            Interface br-int\n")
            .build();

    assertThat(Dump.path(t, VM)).contains("qvo" + ID + ":VETH_OVS_SIDE!");
  }
}
