package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PortPings;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A VM with two NICs: each NIC's diagram marks the loss localised on that NIC's path only. */
class TwoNicLossMarksTest {

  @Test
  void theSecondNicsLossIsMarkedOnTheSecondNicsDiagram() {
    VmPort p1 = port("p1", "1");
    VmPort p2 = port("p2", "2");
    Vm vm = new Vm("vm1", "web", "ACTIVE", "a", List.of(p1, p2), List.of(), List.of());
    PortPings pings =
        new PortPings(
            "vm1",
            "p2",
            List.of(),
            List.of(new LossSegment("qvo2", "tap2", "reply", 20, 20, "x > y id 1", "qbr2, qvb2")),
            List.of(),
            List.of());
    Report report =
        ReportBuilder.build(
            new ReportInput(
                new ReportInput.RunInfo("t", "now", List.of()),
                new Topology(List.of(), List.of(vm), List.of()),
                List.of(),
                new PingResults(List.of(pings), List.of()),
                List.of()));

    Report.VmView v = report.vms().get(0);
    assertThat(marked(v, p1)).isEmpty();
    assertThat(marked(v, p2)).containsExactly(1, 2);
    assertThat(v.lossSegments()).extracting(LossRow::port).containsExactly("p2");
  }

  private static List<Integer> marked(Report.VmView v, VmPort p) {
    return IntStream.range(0, p.hops().size()).filter(i -> v.lossAt(p, i)).boxed().toList();
  }

  private static VmPort port(String id, String n) {
    List<Hop> hops =
        List.of(
            hop("tap" + n, HopKind.TAP),
            hop("qbr" + n, HopKind.LINUX_BRIDGE),
            hop("qvb" + n, HopKind.VETH_BRIDGE_SIDE),
            hop("qvo" + n, HopKind.VETH_OVS_SIDE),
            hop("br-int", HopKind.INTEGRATION_BRIDGE));
    return new VmPort(
        id, "", "", "", List.of(), "", "", List.of(), "ACTIVE", hops, List.of(), List.of());
  }

  private static Hop hop(String device, HopKind kind) {
    return new Hop(device, kind, "", "", -1, "", true, "a", "", List.of(), List.of());
  }
}
