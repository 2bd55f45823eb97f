package io.vmflow.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loss along a path, from paths and pairing results built in the test: no Spring, no files. */
class PathLossLocaliserTest {

  static final String A = "compute-a";
  static final String B = "compute-b";

  @Test
  void oneVmRepliesLostBetweenTwoCapturePointsOfItsPath() {
    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    String flow = "10.0.0.11 > 10.0.0.1";
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm),
            List.of(stats("qvo1", flow, 20, 20), stats("tap1", flow, 20, 0)),
            List.of());

    PortPings p = r.ofVm("vm1").get(0);
    assertThat(p.portId()).isEqualTo("p1");
    assertThat(p.points()).extracting(PointFlowStats::point).containsExactly("tap1", "qvo1");
    assertThat(p.losses())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.direction()).isEqualTo("reply");
              assertThat(l.from()).isEqualTo("qvo1");
              assertThat(l.to()).isEqualTo("tap1");
              assertThat(l.lost()).isEqualTo(20);
              assertThat(l.inside()).isEqualTo("qbr1, qvb1");
            });
    assertThat(r.findings())
        .as("one loss, one finding: the unanswered echoes are that loss, not a second finding")
        .extracting(Finding::code, Finding::vmId, Finding::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PathLossLocaliser.PING_LOSS_LOCALISED, "vm1", "p1"));
  }

  @Test
  void aCarrierCapturedOnThatNeverSawTheFlowIsASilentPoint() {
    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    String flow = "10.0.0.11 > 10.0.0.1";
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm),
            List.of(stats("tap1", flow, 20, 0)),
            List.of(
                new CapturedPoint("tap1", "tap1.pcap", 40, 1_000, 9_000),
                new CapturedPoint("qvo1", "qvo1.pcap", 7, 2_000, 8_000)));

    PortPings p = r.ofVm("vm1").get(0);
    assertThat(p.silent()).extracting(PortPings.SilentPoint::point).containsExactly("qvo1");
    assertThat(p.losses())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.direction()).isEqualTo("request");
              assertThat(l.from()).isEqualTo("tap1");
              assertThat(l.to()).isEqualTo("qvo1");
            });
  }

  @Test
  void aCaptureThatSawOnlyArpBeforeThePingsIsStillASilentPoint() {
    // the lab's vlan-mismatch bundle on a fresh machine: vm2's captures held two ARP frames taken
    // before the pings and no echo; their frames say when the capture ran, not when it stopped
    PingPairer qvo = new PingPairer("qvo1");
    qvo.origin("qvo1.pcap");
    qvo.seen(500);
    qvo.seen(600);
    CapturedPoint arpOnly = qvo.captured();
    assertThat(arpOnly.frames()).isEqualTo(2);
    assertThat(arpOnly.overlaps(1_000, 9_000)).isTrue();

    PingPairer seen = new PingPairer("qvo1");
    seen.seen(500);
    seen.add("10.0.0.11", "10.0.0.1", true, 1, 1, 600);
    assertThat(seen.captured().overlaps(1_000, 9_000))
        .as("a capture whose echoes all came before the flow did not see the flow's time")
        .isFalse();

    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm),
            List.of(stats("tap1", "10.0.0.11 > 10.0.0.1", 20, 0)),
            List.of(new CapturedPoint("tap1", "tap1.pcap", 40, 1_000, 9_000), arpOnly));
    assertThat(r.ofVm("vm1").get(0).losses())
        .singleElement()
        .satisfies(l -> assertThat(l.from() + " -> " + l.to()).isEqualTo("tap1 -> qvo1"));
  }

  @Test
  void vmToVmOnOneHostLosesInsideBrIntNotAcrossTheTunnel() {
    Vm vm1 = vm("vm1", port("p1", "10.0.0.11", withTunnel(hybrid("1", A), A, B)));
    Vm vm2 = vm("vm2", port("p2", "10.0.0.12", withTunnel(hybrid("2", A), A, B)));
    String flow = "10.0.0.11 > 10.0.0.12";
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm1, vm2),
            List.of(
                stats("tap1", flow, 20, 0),
                stats("qvo1", flow, 20, 0),
                stats("qvo2", flow, 20, 20),
                stats("tap2", flow, 20, 20)),
            List.of());

    LossSegment l1 = r.ofVm("vm1").get(0).losses().get(0);
    LossSegment l2 = r.ofVm("vm2").get(0).losses().get(0);
    assertThat(l1).isEqualTo(l2);
    assertThat(l1.from()).isEqualTo("qvo2");
    assertThat(l1.to()).isEqualTo("qvo1");
    assertThat(l1.inside()).isEqualTo("br-int");
    assertThat(r.findings())
        .as("one finding, about the pinging VM (the victim), naming the peer")
        .extracting(Finding::code, Finding::vmId, Finding::peerVmId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                PathLossLocaliser.PING_LOSS_LOCALISED, "vm1", "vm2"));
  }

  @Test
  void vmToVmAcrossATunnelLosesBetweenTheTwoHosts() {
    Vm vm1 = vm("vm1", port("p1", "10.0.0.11", withTunnel(hybrid("1", A), A, B)));
    Vm vm3 = vm("vm3", port("p3", "10.0.0.13", withTunnel(hybrid("3", B), B, A)));
    String flow = "10.0.0.11 > 10.0.0.13";
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm1, vm3),
            List.of(stats("qvo1", flow, 20, 20), stats("qvo3", flow, 0, 0)),
            List.of());

    LossSegment l = r.ofVm("vm3").get(0).losses().get(0);
    assertThat(l.direction()).isEqualTo("request");
    assertThat(l.from()).isEqualTo("qvo1");
    assertThat(l.to()).isEqualTo("qvo3");
    assertThat(l.inside()).contains("vxlan-" + A, "[" + B + "]", "vxlan-" + B);
  }

  @Test
  void anUnansweredFlowWithOnlyOneCapturePointIsSaidOnce() {
    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm), List.of(stats("tap1", "10.0.0.11 > 10.0.0.1", 20, 0)), List.of());

    assertThat(r.findings())
        .extracting(Finding::code)
        .containsExactly(PathLossLocaliser.PING_UNANSWERED);
  }

  @Test
  void aTwoNicVmGetsEachNicsLossOnThatNicsPath() {
    Vm vm =
        vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)), port("p2", "10.1.0.11", hybrid("2", A)));
    PingResults r =
        PathLossLocaliser.localise(
            topology(vm),
            List.of(
                stats("tap1", "10.0.0.11 > 10.0.0.1", 20, 20),
                stats("qvo1", "10.0.0.11 > 10.0.0.1", 20, 20),
                stats("tap2", "10.1.0.11 > 10.1.0.1", 20, 0),
                stats("qvo2", "10.1.0.11 > 10.1.0.1", 20, 20)),
            List.of());

    assertThat(r.ofVm("vm1")).extracting(PortPings::portId).containsExactly("p1", "p2");
    assertThat(r.ofVm("vm1").get(0).losses()).isEmpty();
    assertThat(r.ofVm("vm1").get(1).losses())
        .singleElement()
        .satisfies(l -> assertThat(l.inside()).isEqualTo("qbr2, qvb2"));
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals(PathLossLocaliser.PING_LOSS_LOCALISED))
        .extracting(Finding::port)
        .containsExactly("p2");
  }

  // hybrid plug: tap -> qbr -> qvb -> qvo -> br-int
  static List<Hop> hybrid(String n, String host) {
    return List.of(
        hop("tap" + n, HopKind.TAP, host),
        hop("qbr" + n, HopKind.LINUX_BRIDGE, host),
        hop("qvb" + n, HopKind.VETH_BRIDGE_SIDE, host),
        hop("qvo" + n, HopKind.VETH_OVS_SIDE, host),
        hop("br-int", HopKind.INTEGRATION_BRIDGE, host));
  }

  // ... -> br-int -> br-tun -> vxlan -> [peer] -> vxlan -> br-tun -> br-int of the peer
  static List<Hop> withTunnel(List<Hop> local, String host, String peer) {
    List<Hop> out = new ArrayList<>(local);
    out.addAll(
        List.of(
            hop("br-tun", HopKind.TUNNEL_BRIDGE, host),
            hop("vxlan-" + host, HopKind.TUNNEL, host),
            hop(peer, HopKind.REMOTE_HOST, peer),
            hop("vxlan-" + peer, HopKind.TUNNEL, peer),
            hop("br-tun", HopKind.TUNNEL_BRIDGE, peer),
            hop("br-int", HopKind.INTEGRATION_BRIDGE, peer)));
    return out;
  }

  static Hop hop(String device, HopKind kind, String host) {
    return new Hop(device, kind, "", "", -1, "", true, host, "", List.of(), List.of());
  }

  static VmPort port(String id, String ip, List<Hop> hops) {
    return new VmPort(
        id, "", "", "", List.of(ip), "net", "net", List.of(), "ACTIVE", hops, List.of(), List.of());
  }

  static Vm vm(String id, VmPort... ports) {
    String host = ports[0].hops().get(0).host();
    return new Vm(id, id + "-name", "ACTIVE", host, Arrays.asList(ports), List.of(), List.of());
  }

  static Topology topology(Vm... vms) {
    return new Topology(List.of(), Arrays.asList(vms), List.of());
  }

  /** A point that saw requests 1..{@code requests} and replies 1..{@code replies} of the flow. */
  static PointFlowStats stats(String point, String flow, int requests, int replies) {
    String[] ends = flow.split(" > ");
    BitSet req = new BitSet();
    req.set(1, requests + 1);
    BitSet rep = new BitSet();
    rep.set(1, replies + 1);
    return new PointFlowStats(
        point,
        ends[0],
        ends[1],
        7,
        requests,
        replies,
        Math.min(requests, replies),
        Math.max(0, requests - replies),
        0,
        0,
        0,
        0,
        0.1,
        0.2,
        0.3,
        0.2,
        0.3,
        words(req),
        words(rep),
        List.of(),
        point + ".pcap",
        0);
  }

  private static List<Long> words(BitSet b) {
    return Arrays.stream(b.toLongArray()).boxed().toList();
  }
}
