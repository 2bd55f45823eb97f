package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.LossCase;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Host;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which bridges a host's replica loads: those a trace can enter or reach by patch ports. */
class BridgeReachTest {

  private static BridgePort tunnel(String name) {
    return new BridgePort(
        name, "2", -1, List.of(), "vxlan", "", "192.0.2.11", "", false, "", true, List.of());
  }

  private static Host host(List<Bridge> bridges) {
    return new Host(
        "compute-a",
        "",
        "compute-a",
        List.of(),
        bridges,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static final Bridge BR_INT =
      new Bridge(
          "br-int",
          Bridge.Kind.OVS,
          List.of(
              TracerTest.port("patch-tun", "1", "patch", "patch-int"),
              TracerTest.port("pvo1", "3", "patch", "pvi1"),
              TracerTest.port("qvo1", "2", "", "")),
          List.of());
  private static final Bridge BR_TUN =
      new Bridge(
          "br-tun",
          Bridge.Kind.OVS,
          List.of(TracerTest.port("patch-int", "1", "patch", "patch-tun"), tunnel("vxlan-1")),
          List.of());
  private static final Bridge PLY =
      new Bridge(
          "ply1",
          Bridge.Kind.OVS,
          List.of(TracerTest.port("pvi1", "1", "patch", "pvo1")),
          List.of());
  private static final Bridge BR_PHY =
      new Bridge(
          "br-phy", Bridge.Kind.OVS, List.of(TracerTest.port("eth1", "1", "", "")), List.of());
  private static final Bridge QBR = new Bridge("qbr1", Bridge.Kind.LINUX, List.of(), List.of());

  @Test
  void theSegmentsBridgesAndThoseBehindTheirPatchPortsAreLoadedNotTheUnderlay() {
    LossCase l =
        new LossCase(
            "vm1",
            "lost",
            "reply",
            "10.0.0.1",
            "10.0.0.2",
            List.of("qbr1", "qvo1", "br-int"),
            List.of("compute-a", "compute-a", "compute-a"));
    assertThat(BridgeReach.of(host(List.of(BR_PHY, QBR, BR_INT, BR_TUN, PLY)), List.of(l)))
        .containsExactlyInAnyOrder("br-int", "br-tun", "ply1");
  }

  @Test
  void aHostReachedOnlyByTunnelLoadsItsTunnelBridgesSide() {
    LossCase elsewhere =
        new LossCase(
            "vm1",
            "lost",
            "reply",
            "10.0.0.1",
            "10.0.0.2",
            List.of("br-int"),
            List.of("compute-b"));
    assertThat(BridgeReach.of(host(List.of(BR_PHY, BR_INT, BR_TUN, PLY)), List.of(elsewhere)))
        .containsExactlyInAnyOrder("br-int", "br-tun", "ply1");
    assertThat(BridgeReach.of(host(List.of(BR_PHY, PLY)), List.of(elsewhere))).isEmpty();
  }
}
