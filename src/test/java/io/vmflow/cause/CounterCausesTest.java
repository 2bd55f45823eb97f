package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.VM2;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.Counter;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsDpctlShow;
import io.vmflow.parse.OvsOfctlDumpPorts;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.OvsVsctlListInterface;
import io.vmflow.parse.ProcNetDev;
import io.vmflow.ping.LossCase;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Drop counters of VM-facing devices: the growth over a capture, and the loss it explains. */
class CounterCausesTest {

  static final String TAP = "tap" + VM2;
  static final String BEFORE = "a.tar.gz!/vmflow-compute-a-1Z/sos_commands/counters/before-1000";
  static final String AFTER = "a.tar.gz!/vmflow-compute-a-1Z/sos_commands/counters/after-13400";

  // vm1's requests to vm2, seen at vm2's qbr, never at its tap
  static LossCase requestsToVm2(long lost) {
    return new LossCase(
        "vm1-id",
        lost + " of 20 echo requests ... seen at qbr never reached tap",
        "request",
        "10.20.0.11",
        "10.20.0.12",
        List.of("qbr" + VM2, TAP),
        List.of(A, A),
        lost);
  }

  static Fact ipLink(String folder, long txDropped, long rxErrors) {
    IpLink.LinkDevice tap =
        new IpLink.LinkDevice(
            11,
            TAP,
            "if2",
            List.of("BROADCAST", "UP"),
            1500,
            "qbr" + VM2,
            "UP",
            Optional.empty(),
            "veth",
            List.of(),
            1,
            List.of(),
            Optional.empty(),
            List.of(
                new Counter("rx_packets", 27, 6),
                new Counter("rx_errors", rxErrors, 6),
                new Counter("rx_dropped", 0, 6),
                new Counter("tx_packets", 30, 10),
                new Counter("tx_dropped", txDropped, 10)));
    return new Fact(A, Spec.IP_LINK, folder + "/ip_-s_-s_-d_link", "", new IpLink(List.of(tap)));
  }

  static Causes.Result explain(List<Fact> facts, LossCase... losses) {
    return Causes.explain(LabFacts.topology(), facts, List.of(), List.of(losses));
  }

  static List<Finding> counters(Causes.Result r) {
    return r.findings().stream().filter(f -> f.code().startsWith("INTERFACE_")).toList();
  }

  @Test
  void dropsThatGrewOverTheCaptureAreNamedWithTheIntervalAndCauseTheLoss() {
    Causes.Result r =
        explain(List.of(ipLink(BEFORE, 3, 0), ipLink(AFTER, 23, 0)), requestsToVm2(20));
    assertThat(counters(r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("INTERFACE_DROPS");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message())
                  .contains(TAP, "compute-a", "tx_dropped", "rose by 20", "over 12 s", "3 → 23");
              assertThat(f.vmId()).isEqualTo("vm2-id");
              assertThat(f.hostKey()).isEqualTo(A);
              assertThat(f.origin()).isEqualTo(AFTER + "/ip_-s_-s_-d_link");
              assertThat(f.line()).isEqualTo(10);
              assertThat(f.evidence())
                  .containsExactly(
                      new Evidence(AFTER + "/ip_-s_-s_-d_link", 10),
                      new Evidence(BEFORE + "/ip_-s_-s_-d_link", 10));
            });
    assertThat(r.links())
        .singleElement()
        .satisfies(
            l -> assertThat(l.causes()).extracting(c -> c.code()).contains("INTERFACE_DROPS"));
  }

  @Test
  void dropsThatGrewLessThanTheLossDoNotExplainIt() {
    Causes.Result r =
        explain(List.of(ipLink(BEFORE, 3, 0), ipLink(AFTER, 8, 0)), requestsToVm2(20));
    assertThat(counters(r)).hasSize(1);
    assertThat(r.links().get(0).causes())
        .extracting(c -> c.code())
        .doesNotContain("INTERFACE_DROPS");
  }

  @Test
  void aSingleReadingIsSinceBootAtInfoAndExplainsNothing() {
    Causes.Result r =
        explain(List.of(ipLink("sosreport/sos_commands/networking", 40, 2)), requestsToVm2(20));
    assertThat(counters(r))
        .hasSize(2)
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message()).contains("since boot");
            });
    assertThat(counters(r))
        .extracting(Finding::code)
        .containsExactlyInAnyOrder("INTERFACE_DROPS", "INTERFACE_ERRORS");
    assertThat(r.links().get(0).causes())
        .extracting(c -> c.code())
        .doesNotContain("INTERFACE_DROPS");
  }

  @Test
  void countersThatDidNotGrowSayNothingEvenWithDropsSinceBoot() {
    Causes.Result r = explain(List.of(ipLink(BEFORE, 7, 0), ipLink(AFTER, 7, 0)));
    assertThat(counters(r)).isEmpty();
  }

  @Test
  void devicesOfNoVmAreNotJudged() {
    IpLink.LinkDevice eth =
        new IpLink.LinkDevice(
            2,
            "eth0",
            "",
            List.of("UP"),
            1500,
            "",
            "UP",
            Optional.empty(),
            "",
            List.of(),
            1,
            List.of(),
            Optional.empty(),
            List.of(new Counter("rx_dropped", 999, 4)));
    Causes.Result r =
        explain(List.of(new Fact(A, Spec.IP_LINK, "ip_-s_-d_link", "", new IpLink(List.of(eth)))));
    assertThat(counters(r)).isEmpty();
  }

  @Test
  void dumpPortsCountersAreNamedByTheBridgesPortNumbers() {
    OvsOfctlShow show =
        (OvsOfctlShow) LabFacts.fact(A, "reply-drop-inport_ovs-ofctl_show_br-int").value();
    String qvo = "qvo" + LabFacts.VM1;
    String no =
        show.ports().stream()
            .filter(p -> p.name().equals(qvo))
            .findFirst()
            .orElseThrow()
            .portNo()
            .value();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact(A, Spec.OVS_OFCTL_SHOW, "ovs-ofctl_show_br-int", "br-int", show));
    for (String[] r : new String[][] {{BEFORE, "0"}, {AFTER, "5"}}) {
      OvsOfctlDumpPorts d =
          new OvsOfctlDumpPorts(
              "",
              List.of(
                  new OvsOfctlDumpPorts.PortStats(
                      no, List.of(new Counter("rx_dropped", Long.parseLong(r[1]), 4)), 4)));
      facts.add(
          new Fact(
              A, Spec.OVS_OFCTL_DUMP_PORTS, r[0] + "/ovs-ofctl_dump-ports_br-int", "br-int", d));
    }
    assertThat(counters(explain(facts)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains(qvo, "rx_dropped", "rose by 5");
              assertThat(f.vmId()).isEqualTo("vm1-id");
            });
  }

  @Test
  void lostUpcallsAreSaidForEveryVmOnThatHostsBrInt() {
    OvsDpctlShow dp =
        new OvsDpctlShow(
            List.of(
                new OvsDpctlShow.Datapath(
                    "system",
                    "ovs-system",
                    List.of(),
                    1,
                    Optional.of(
                        new OvsDpctlShow.Lookups(14198854105L, 1242464087L, 1114150373L)))));
    Causes.Result r = explain(List.of(new Fact(A, Spec.OVS_DPCTL_SHOW, "ovs-dpctl_show", "", dp)));
    List<Finding> lost =
        r.findings().stream().filter(f -> f.code().equals("DATAPATH_LOST_UPCALLS")).toList();
    // vm1 (hybrid plug) and vm2 (FusionSphere) reach br-int on compute-a; vm3 is on compute-b
    assertThat(lost).extracting(Finding::vmId).containsExactlyInAnyOrder("vm1-id", "vm2-id");
    assertThat(lost.get(0).message()).contains("system@ovs-system", "lost 1114150373", A);
    assertThat(lost.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  static Fact procNetDev(String folder, long rxDropped, long txDropped) {
    ProcNetDev p =
        new ProcNetDev(
            List.of(
                new ProcNetDev.DeviceStats(
                    TAP,
                    List.of(
                        new Counter("rx_dropped", rxDropped, 5),
                        new Counter("tx_dropped", txDropped, 5)),
                    5)));
    return new Fact(A, Spec.PROC_NET_DEV, folder + "/cat_.proc.net.dev", "", p);
  }

  static Fact listInterface(String folder, long txDropped) {
    OvsVsctlListInterface l =
        new OvsVsctlListInterface(
            List.of(
                new OvsVsctlListInterface.Interface(
                    TAP, "", "up", List.of(new Counter("tx_dropped", txDropped, 31)), 27)));
    return new Fact(
        A, Spec.OVS_VSCTL_LIST_INTERFACE, folder + "/ovs-vsctl_-t_5_list_interface", "", l);
  }

  @Test
  void procNetDevAloneIsASourceOfItsOwn() {
    Causes.Result r =
        explain(List.of(procNetDev(BEFORE, 0, 1), procNetDev(AFTER, 0, 21)), requestsToVm2(20));
    assertThat(counters(r))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("rose by 20", "/proc/net/dev"));
    assertThat(r.links().get(0).causes()).extracting(c -> c.code()).contains("INTERFACE_DROPS");
  }

  @Test
  void aDevicePrintedByThreeOutputsIsJudgedOnceFromTheOneReadTwice() {
    // the host's single readings (ip link, /proc/net/dev with rx drops that add the missed ones)
    // and the collector's OVS statistics before and after the capture: one finding, from OVS
    String sos = "a.tar.gz!/vmflow-compute-a-1Z/sos_commands/networking";
    Causes.Result r =
        explain(
            List.of(
                ipLink(sos, 40, 0),
                procNetDev(sos, 9, 40),
                listInterface(BEFORE, 40),
                listInterface(AFTER, 60)),
            requestsToVm2(20));
    assertThat(counters(r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message())
                  .contains("tx_dropped rose by 20", "ovs-vsctl list interface")
                  .doesNotContain("ip -s link");
            });
  }

  @Test
  void withSingleReadingsOnlyIpLinkIsPreferredAndProcsRxDropsAreNotAddedToIt() {
    String sos = "sosreport/sos_commands/networking";
    Causes.Result r = explain(List.of(procNetDev(sos, 9, 40), ipLink(sos, 40, 0)));
    assertThat(counters(r))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message()).contains("tx_dropped 40 since boot (ip -s link");
            });
  }
}
