package io.vmflow.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each flow keeps the length of its largest echo, as the IP header says it (the inner packet of a
 * tunnel): an MTU explains a loss only of packets larger than it. Expected values are tshark's
 * {@code ip.len} / {@code 40 + ipv6.plen} of the echoes in the same real captures.
 */
class EchoSizesTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/pcap");

  @ParameterizedTest
  @CsvSource({
    "tcpdump_e1000g.pcap, 84",
    "tcpdump_vxlan.pcap, 84",
    "tcpdump_geneve.pcap, 84",
    "zeek_icmp_dot1q.pcap, 100",
    "zeek_icmp_icmp6-ping.pcap, 80",
    "zeek_tunnels_gre-erspan3-dot1q.pcap, 84",
    "zeek_tunnels_ping6-in-ipv4.pcap, 100"
  })
  void theLargestEchoOfAFlowIsItsInnerIpPacketLength(String file, int bytes) throws Exception {
    CapturePairing.Result r = CapturePairing.pair(FIXTURES.resolve(file), file);
    assertThat(r.stats()).isNotEmpty();
    assertThat(r.stats()).allSatisfy(s -> assertThat(s.largestIpBytes()).isEqualTo(bytes));
  }

  @Test
  void echoesReadFromTextHaveNoLength() {
    PingPairer p = new PingPairer("tap1");
    p.add("10.0.0.1", "10.0.0.2", true, 1, 1, 1_000_000_000L);
    assertThat(p.finish()).singleElement().satisfies(s -> assertThat(s.largestIpBytes()).isZero());
  }
}
