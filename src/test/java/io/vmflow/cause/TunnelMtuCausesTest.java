package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.VM1;
import static io.vmflow.cause.LabFacts.fact;
import static io.vmflow.cause.LabFacts.hop;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.LossCase;
import io.vmflow.topology.Fact;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's underlay-mtu outputs: VXLAN over an underlay NIC smaller than the VM's path. */
class TunnelMtuCausesTest {

  static final String TUNNEL = "vxlan-c000020c";

  static Topology vm1AcrossTheTunnel() {
    var hops =
        List.of(
            hop("tap" + VM1, HopKind.TAP, "qbr" + VM1, A),
            hop("qbr" + VM1, HopKind.LINUX_BRIDGE, "", A),
            hop("qvb" + VM1, HopKind.VETH_BRIDGE_SIDE, "qbr" + VM1, A),
            hop("qvo" + VM1, HopKind.VETH_OVS_SIDE, "br-int", A),
            hop("br-int", HopKind.INTEGRATION_BRIDGE, "", A),
            hop("patch-tun", HopKind.PATCH, "br-int", A),
            hop("patch-int", HopKind.PATCH, "br-tun", A),
            hop("br-tun", HopKind.TUNNEL_BRIDGE, "", A),
            hop(TUNNEL, HopKind.TUNNEL, "br-tun", A));
    VmPort port =
        new VmPort(
            "p1",
            "",
            VM1,
            "fa:16:3e:11:11:01",
            List.of("10.20.0.11"),
            "net",
            "lab-net",
            List.of("10.20.0.0/24"),
            "ACTIVE",
            hops,
            List.of(),
            List.of());
    return new Topology(
        List.of(),
        List.of(new Vm("vm1-id", "vm1", "ACTIVE", A, List.of(port), List.of(), List.of())),
        List.of());
  }

  static final LossCase REQUESTS_ACROSS =
      new LossCase(
          "vm1-id",
          "s",
          "request",
          "10.20.0.11",
          "10.20.0.13",
          List.of("qvo" + VM1, "br-int", "br-tun", TUNNEL),
          List.of(A, A, A, A));

  @Test
  void anUnderlaySmallerThanTheVmPathIsAWarningNamingTheNicAndExplainsTheLossAcrossTheTunnel() {
    List<Fact> facts =
        List.of(fact(A, "underlay-mtu_ip_-d_address"), fact(A, "underlay-mtu_ovs-vsctl_-t_5_show"));
    Causes.Result r =
        Causes.explain(vm1AcrossTheTunnel(), facts, List.of(), List.of(REQUESTS_ACROSS));
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals("MTU_TUNNEL_OVERHEAD"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity().name()).isEqualTo("WARNING");
              assertThat(f.message())
                  .startsWith("vxlan tunnels of compute-a add 50 bytes to each frame")
                  .contains("eth1, the NIC of br-phy", "192.0.2.11", "has MTU 1400")
                  .contains("frames over 1350 bytes", "paths take 1500");
            });
    assertThat(r.links().get(0).causes())
        .extracting(LossCause.Ref::code)
        .containsExactly("MTU_TUNNEL_OVERHEAD");
  }

  @Test
  void aLossThatDoesNotCrossTheTunnelIsNotPinnedOnIt() {
    List<Fact> facts =
        List.of(fact(A, "underlay-mtu_ip_-d_address"), fact(A, "underlay-mtu_ovs-vsctl_-t_5_show"));
    LossCase local =
        new LossCase(
            "vm1-id",
            "s",
            "reply",
            "10.20.0.11",
            "10.20.0.12",
            List.of("qvb" + VM1, "qbr" + VM1, "tap" + VM1),
            List.of(A, A, A));
    Causes.Result r = Causes.explain(vm1AcrossTheTunnel(), facts, List.of(), List.of(local));
    assertThat(r.links().get(0).causes())
        .extracting(LossCause.Ref::code)
        .doesNotContain("MTU_TUNNEL_OVERHEAD");
  }

  @Test
  void onlyTheOverheadNotFittingIsInfoAndCitedByNoLoss() {
    // the lab without the fault: a 1500 underlay under 1500-byte taps, as in clouds where neutron
    // gives guests an MTU of 1450 by DHCP, which no output of the dump shows
    List<Fact> facts =
        List.of(fact(A, "ovs-fw_ip_-d_address"), fact(A, "underlay-mtu_ovs-vsctl_-t_5_show"));
    Causes.Result r =
        Causes.explain(vm1AcrossTheTunnel(), facts, List.of(), List.of(REQUESTS_ACROSS));
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals("MTU_TUNNEL_OVERHEAD"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity().name()).isEqualTo("INFO");
              assertThat(f.message()).contains("has MTU 1500", "at most 1450");
            });
    assertThat(r.links().get(0).causes())
        .extracting(LossCause.Ref::code)
        .doesNotContain("MTU_TUNNEL_OVERHEAD");
  }
}
