package io.vmflow.ping;

import static io.vmflow.ping.PathLossLocaliserTest.A;
import static io.vmflow.ping.PathLossLocaliserTest.hybrid;
import static io.vmflow.ping.PathLossLocaliserTest.port;
import static io.vmflow.ping.PathLossLocaliserTest.stats;
import static io.vmflow.ping.PathLossLocaliserTest.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loss on a VM's routed path (as the lab's router scenarios give it), from paths, pairing results
 * and capture windows built in the test.
 */
class L3FlowLossTest {

  static final String NS = "qrouter-r1";
  static final String TO_GW = "10.0.0.11 > 10.0.0.1";
  static final String TO_EXT = "10.0.0.11 > 172.24.4.1";

  static Topology routed(Vm... vms) {
    List<L3Path> paths =
        java.util.Arrays.stream(vms)
            .map(
                v ->
                    new L3Path(
                        v.id(),
                        v.ports().get(0).portId(),
                        List.of(
                            l3("tap", "VM", "", v.ports().get(0).ips().get(0), ""),
                            l3("qr-1", "GATEWAY", NS, "10.0.0.1", "br-int"),
                            l3("qg-1", "EXTERNAL_GATEWAY", NS, "172.24.4.1", "br-ex"))))
            .toList();
    return new Topology(
        List.of(), java.util.Arrays.asList(vms), List.of(), List.of(), List.of(), paths);
  }

  static L3Hop l3(String device, String kind, String ns, String ip, String bridge) {
    return new L3Hop(device, kind, A, ns, ip, "", bridge, "", 1, "", true, List.of());
  }

  @Test
  void requestsThatNeverReachTheGatewayPortAreLostInsideBrInt() {
    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    PingResults r =
        PathLossLocaliser.localise(
            routed(vm),
            List.of(stats("tap1", TO_GW, 20, 0), stats("qvo1", TO_GW, 20, 0)),
            List.of(
                new CapturedPoint("tap1", "tap1.pcap", 40, 1_000, 9_000),
                new CapturedPoint("qr-1", "qr-1.pcap", 0, -1, -1)));
    assertThat(r.ofVm("vm1").get(0).losses())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.direction()).isEqualTo("request");
              assertThat(l.from() + " -> " + l.to()).isEqualTo("qvo1 -> qr-1");
              assertThat(l.inside()).isEqualTo("br-int");
            });
    assertThat(r.findings())
        .extracting(Finding::code)
        .containsExactly(PathLossLocaliser.PING_LOSS_LOCALISED);
  }

  @Test
  void repliesLeavingByTheExternalPortAreLostBetweenItAndTheGatewayPort() {
    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    PingResults r =
        PathLossLocaliser.localise(
            routed(vm),
            List.of(
                stats("tap1", TO_GW, 20, 0),
                stats("qvo1", TO_GW, 20, 0),
                stats("qr-1", TO_GW, 20, 0),
                stats("qg-1", TO_GW, 0, 20)),
            List.of());
    PortPings p = r.ofVm("vm1").get(0);
    assertThat(p.losses())
        .extracting(l -> l.direction() + " " + l.from() + " -> " + l.to())
        .containsExactly("reply qg-1 -> qr-1");
    assertThat(p.points()).extracting(PointFlowStats::point).contains("qr-1", "qg-1");
  }

  @Test
  void aNatedFlowUnseenBeyondTheGatewayIsNoLoss() {
    Vm vm = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    PingResults r =
        PathLossLocaliser.localise(
            routed(vm),
            List.of(
                stats("tap1", TO_EXT, 20, 20),
                stats("qvo1", TO_EXT, 20, 20),
                stats("qr-1", TO_EXT, 20, 20),
                // qg- sees the flow rewritten to the floating IP: another flow
                stats("qg-1", "172.24.4.10 > 172.24.4.1", 20, 20)),
            List.of(new CapturedPoint("qg-1", "qg-1.pcap", 40, 1_000, 9_000)));
    assertThat(r.ofVm("vm1").get(0).losses()).isEmpty();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void aFlowBetweenTwoVmsIsNotARoutedFlow() {
    Vm vm1 = vm("vm1", port("p1", "10.0.0.11", hybrid("1", A)));
    Vm vm2 = vm("vm2", port("p2", "10.0.0.12", hybrid("2", A)));
    String flow = "10.0.0.11 > 10.0.0.12";
    PingResults r =
        PathLossLocaliser.localise(
            routed(vm1, vm2),
            List.of(stats("qvo1", flow, 20, 20), stats("qvo2", flow, 20, 20)),
            List.of(new CapturedPoint("qr-1", "qr-1.pcap", 40, 1_000, 9_000)));
    assertThat(r.ofVm("vm1").get(0).losses()).isEmpty();
    assertThat(r.ofVm("vm1").get(0).points()).noneMatch(s -> s.point().equals("qr-1"));
  }
}
