package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/** Interface counters: {@code ip -s [-s] link} statistics and {@code ovs-ofctl dump-ports}. */
class InterfaceCountersTest {

  private static IpLink ipLink(String name) {
    Parsed<IpLink> p = new IpLinkParser().parse(Fixtures.file(Spec.IP_LINK, "ip_link", name, ""));
    assertThat(p.findings()).isEmpty();
    return p.value().orElseThrow();
  }

  private static long value(IpLink l, String device, String counter) {
    return l.device(device).orElseThrow().counter(counter).orElseThrow().value();
  }

  @Test
  void iproute6TwoLevelStatisticsAreReadByTheirHeaders() {
    // iproute2 6.1: RX:  bytes packets errors dropped  missed   mcast / RX errors: ... overrun
    IpLink l = ipLink("lab_ip_-s_-s_-d_link_peer_down.txt");
    IpLink.LinkDevice tap = l.device("h23ttap").orElseThrow();
    assertThat(tap.counter("tx_dropped").orElseThrow().value()).isEqualTo(6);
    assertThat(tap.counter("tx_dropped").orElseThrow().line()).isEqualTo(10);
    assertThat(value(l, "h23ttap", "tx_packets")).isEqualTo(5);
    assertThat(value(l, "h23ttap", "rx_missed")).isZero();
    assertThat(value(l, "h23ttap", "rx_overrun")).isZero();
    assertThat(value(l, "h23ttap", "tx_transns")).isEqualTo(3);
    assertThat(value(l, "h23ta1", "rx_packets")).isEqualTo(20);
    assertThat(tap.kind()).isEqualTo("veth");
    assertThat(tap.isUp()).isFalse();
  }

  @Test
  void olderSingleLevelStatisticsNameOverrunInTheFirstRow() {
    // hotsos sosreport, iproute2 5.x: RX: bytes  packets  errors  dropped overrun mcast
    IpLink l = ipLink("hotsos_sos_ip_-s_-d_link.txt");
    IpLink.LinkDevice lo = l.device("lo").orElseThrow();
    assertThat(lo.counter("rx_packets").orElseThrow().value()).isEqualTo(559647);
    assertThat(lo.counter("rx_overrun")).isPresent();
    assertThat(lo.counter("tx_carrier")).isPresent();
    assertThat(lo.counter("tx_dropped").orElseThrow().line()).isEqualTo(6);
  }

  @Test
  void everyRealStatisticsFixtureParsesWithoutFindingsAndWithCounters() {
    for (var f : Fixtures.all("ip_link", ".*(_s_|-s_).*\\.txt")) {
      Parsed<IpLink> p =
          new IpLinkParser()
              .parse(new SourceText(Spec.IP_LINK, f.toString(), 1, "", Fixtures.lines(f)));
      assertThat(p.findings()).as(f.toString()).isEmpty();
      assertThat(p.value().orElseThrow().devices())
          .as(f.toString())
          .allSatisfy(d -> assertThat(d.counter("rx_packets")).isPresent());
    }
  }

  @Test
  void linkWithoutStatisticsHasNoCounters() {
    IpLink l =
        new IpLinkParser()
            .parse(
                Fixtures.text(
                    Spec.IP_LINK,
                    "",
                    "2: eth0: <BROADCAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP",
                    "    link/ether 52:54:00:e2:28:a3 brd ff:ff:ff:ff:ff:ff"))
            .value()
            .orElseThrow();
    assertThat(l.device("eth0").orElseThrow().counters()).isEmpty();
  }

  private static OvsOfctlDumpPorts ports(String name) {
    Parsed<OvsOfctlDumpPorts> p =
        new OvsOfctlDumpPortsParser()
            .parse(
                Fixtures.file(Spec.OVS_OFCTL_DUMP_PORTS, "ovs_ofctl_dump_ports", name, "br-int"));
    assertThat(p.findings()).isEmpty();
    return p.value().orElseThrow();
  }

  @Test
  void dumpPortsDocSampleKeepsCountersAndLeavesOutUnsupportedOnes() {
    OvsOfctlDumpPorts d = ports("doc.txt");
    assertThat(d.ports())
        .extracting(OvsOfctlDumpPorts.PortStats::port)
        .containsExactly("LOCAL", "1", "2", "3");
    OvsOfctlDumpPorts.PortStats local = d.port("LOCAL").orElseThrow();
    assertThat(local.counter("tx_dropped").orElseThrow().value()).isEqualTo(6);
    assertThat(local.counter("tx_dropped").orElseThrow().line()).isEqualTo(3);
    assertThat(local.counter("rx_packets").orElseThrow().line()).isEqualTo(2);
    OvsOfctlDumpPorts.PortStats one = d.port("1").orElseThrow();
    assertThat(one.counter("rx_packets").orElseThrow().value()).isEqualTo(28);
    assertThat(one.counter("rx_dropped")).isEmpty();
    assertThat(one.counter("tx_packets").orElseThrow().value()).isEqualTo(30);
  }

  @Test
  void dumpPortsRealVariants() {
    assertThat(
            ports("kvmnode_br-bond1.txt")
                .port("LOCAL")
                .orElseThrow()
                .counter("tx_dropped")
                .orElseThrow()
                .value())
        .isEqualTo(9877323096L);
    assertThat(ports("of13_names.txt").port("s1-eth2").orElseThrow().counters()).isNotEmpty();
    OvsOfctlDumpPorts d = ports("of13_duration.txt");
    assertThat(d.ports()).hasSize(3);
    assertThat(d.port("2").orElseThrow().counter("tx_errors")).isEmpty();
    assertThat(d.port("2").orElseThrow().counter("tx_collsns")).isPresent();
  }

  @Test
  void dumpPortsUnrecognisedLineIsAFinding() {
    Parsed<OvsOfctlDumpPorts> p =
        new OvsOfctlDumpPortsParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_OFCTL_DUMP_PORTS,
                    "br-int",
                    "OFPST_PORT reply (xid=0x2): 1 ports",
                    "  port  1: rx pkts=1, bytes=2, drop=0, errs=0, frame=0, over=0, crc=0",
                    "garbage here"));
    assertThat(p.findings()).extracting(f -> f.code()).containsExactly("PARSE_UNRECOGNISED_LINE");
    assertThat(p.value().orElseThrow().ports()).hasSize(1);
  }
}
