package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.PathLossLocaliser;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A flow between two VMs is drawn as the one path it takes (sender's hops, the shared bridges or
 * tunnel, the receiver's hops), captured boxes carry their counts, and only the boxes between the
 * last point that saw the lost echoes and the first that did not are marked.
 */
class FlowPathDiagramTest {

  private static final String A = "compute-a";
  private static final String B = "compute-b";

  private final Vm vm1 = vm("vm1", "web", "p1", "10.0.0.11", withTunnel(hybrid("1", A), A, B));
  private final Vm vm2 = vm("vm2", "db", "p2", "10.0.0.12", withTunnel(hybrid("2", A), A, B));
  private final Vm vm3 = vm("vm3", "cache", "p3", "10.0.0.13", withTunnel(hybrid("3", B), B, A));

  @Test
  void aFlowOnOneHostIsDrawnThroughBrIntOnlyWithOnlyTheSegmentMarked() {
    String flow = "10.0.0.11 > 10.0.0.12";
    Report.VmView v =
        vmView(
            "vm1",
            stats("tap1", flow, 20, 0),
            stats("qvo1", flow, 20, 0),
            stats("qvo2", flow, 20, 20),
            stats("tap2", flow, 20, 20));

    FlowView f = v.flowPaths().get(0);
    assertThat(f.from()).isEqualTo("web");
    assertThat(f.to()).isEqualTo("db");
    assertThat(f.boxes())
        .extracting(FlowView.Box::device)
        .as("the sender's hops, br-int, the receiver's hops: no tunnel")
        .containsExactly("tap1", "qbr1", "qvb1", "qvo1", "br-int", "qvo2", "qvb2", "qbr2", "tap2");
    assertThat(f.boxes())
        .filteredOn(FlowView.Box::marked)
        .extracting(FlowView.Box::device)
        .containsExactly("br-int");
    assertThat(f.boxes())
        .filteredOn(FlowView.Box::captured)
        .extracting(FlowView.Box::device, FlowView.Box::requests, FlowView.Box::replies)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tap1", 20L, 0L),
            org.assertj.core.groups.Tuple.tuple("qvo1", 20L, 0L),
            org.assertj.core.groups.Tuple.tuple("qvo2", 20L, 20L),
            org.assertj.core.groups.Tuple.tuple("tap2", 20L, 20L));
    VmPort p1 = vm1.ports().get(0);
    assertThat(IntStream.range(0, p1.hops().size()).filter(i -> v.lossAt(p1, i)))
        .as("the VM's own path to the other host is not marked for a loss drawn on the flow")
        .isEmpty();
  }

  @Test
  void theReceiversPageDrawsTheSameFlowPath() {
    String flow = "10.0.0.11 > 10.0.0.12";
    Report.VmView v = vmView("vm2", stats("qvo1", flow, 20, 0), stats("qvo2", flow, 20, 20));

    FlowView f = v.flowPaths().get(0);
    assertThat(f.from()).isEqualTo("web");
    assertThat(f.boxes())
        .filteredOn(FlowView.Box::marked)
        .extracting(FlowView.Box::device)
        .containsExactly("br-int");
  }

  @Test
  void aFlowAcrossTheTunnelMarksTheBoxesBetweenTheTwoPointsOnly() {
    String flow = "10.0.0.11 > 10.0.0.13";
    Report.VmView v =
        vmView(
            "vm1",
            stats("tap1", flow, 20, 0),
            stats("qvo1", flow, 20, 0),
            stats("qvo3", flow, 20, 20),
            stats("tap3", flow, 20, 20));

    FlowView f = v.flowPaths().get(0);
    List<String> devices = f.boxes().stream().map(FlowView.Box::device).toList();
    assertThat(devices)
        .startsWith("tap1", "qbr1", "qvb1", "qvo1")
        .endsWith("qvo3", "qvb3", "qbr3", "tap3");
    assertThat(devices).contains("[" + B + "]");
    int from = devices.indexOf("qvo1");
    int to = devices.indexOf("qvo3");
    assertThat(f.boxes())
        .filteredOn(FlowView.Box::marked)
        .extracting(FlowView.Box::device)
        .containsExactlyElementsOf(devices.subList(from + 1, to));
    assertThat(f.boxes().get(0).marked()).isFalse();
    assertThat(f.losses()).singleElement().asString().contains("20 of 20 echo replies");
  }

  @Test
  void aHealthyFlowIsDrawnWithCountsAndNoMark() {
    String flow = "10.0.0.11 > 10.0.0.12";
    Report.VmView v = vmView("vm1", stats("qvo1", flow, 20, 20), stats("qvo2", flow, 20, 20));

    FlowView f = v.flowPaths().get(0);
    assertThat(f.hasLoss()).isFalse();
    assertThat(f.boxes()).filteredOn(FlowView.Box::captured).hasSize(2);
  }

  private Report.VmView vmView(String vmId, PointFlowStats... seen) {
    Topology t = new Topology(List.of(), List.of(vm1, vm2, vm3), List.of());
    PingResults r = PathLossLocaliser.localise(t, List.of(seen), List.of());
    Report report =
        ReportBuilder.build(
            new ReportInput(
                new ReportInput.RunInfo("t", "now", List.of()), t, r.findings(), r, List.of()));
    return report.vms().stream().filter(v -> v.id().equals(vmId)).findFirst().orElseThrow();
  }

  private static List<Hop> hybrid(String n, String host) {
    return List.of(
        hop("tap" + n, HopKind.TAP, host),
        hop("qbr" + n, HopKind.LINUX_BRIDGE, host),
        hop("qvb" + n, HopKind.VETH_BRIDGE_SIDE, host),
        hop("qvo" + n, HopKind.VETH_OVS_SIDE, host),
        hop("br-int", HopKind.INTEGRATION_BRIDGE, host));
  }

  private static List<Hop> withTunnel(List<Hop> local, String host, String peer) {
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

  private static Hop hop(String device, HopKind kind, String host) {
    return new Hop(device, kind, "", "", -1, "", true, host, "", List.of(), List.of());
  }

  private static Vm vm(String id, String name, String port, String ip, List<Hop> hops) {
    VmPort p =
        new VmPort(
            port,
            "",
            "",
            "",
            List.of(ip),
            "net",
            "net",
            List.of(),
            "ACTIVE",
            hops,
            List.of(),
            List.of());
    return new Vm(id, name, "ACTIVE", hops.get(0).host(), List.of(p), List.of(), List.of());
  }

  private static PointFlowStats stats(String point, String flow, int requests, int replies) {
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
        Arrays.stream(req.toLongArray()).boxed().toList(),
        Arrays.stream(rep.toLongArray()).boxed().toList(),
        List.of(),
        point + ".pcap",
        0);
  }
}
