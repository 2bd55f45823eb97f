package io.vmflow.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.PointFlowStats;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real captures from the tcpdump and Zeek test suites. Expected request/reply counts were
 * cross-checked with tshark 4.0 ({@code tshark -r F -Y 'icmp.type==8 || icmpv6.type==128'}, and
 * type 0/129 for replies) on the same files.
 */
class RealCapturesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // file, requests, replies (tshark), answered
    "tcpdump_e1000g.pcap, 10, 10, 10",
    "zeek_icmp_5-pings.pcap, 5, 5, 5",
    "tcpdump_vxlan.pcap, 4, 4, 4", // inner echoes of VXLAN vni 100
    "zeek_icmp_dot1q.pcap, 5, 4, 4", // 802.1Q tagged
    "tcpdump_geneve.pcap, 3, 3, 3", // Geneve with options
    "zeek_icmp_icmp6-ping.pcap, 4, 4, 4", // ICMPv6
    "tcpdump_ipoib.pcap, 6, 0, 0", // IP over InfiniBand, requests never answered
    "zeek_tunnels_ping6-in-ipv4.pcap, 5, 5, 5", // ICMPv6 inside 6in4
    "zeek_q-in-q.pcap, 0, 0, 0", // QinQ frames without echoes
    "zeek_tunnels_geneve-truncated.pcapng, 0, 0, 0"
  })
  void countsMatchTshark(String file, long requests, long replies, long answered) throws Exception {
    Path p = Path.of("src/test/resources/fixtures/pcap", file);
    CapturePairing.Result r = CapturePairing.pair(p, file);
    assertThat(r.stats().stream().mapToLong(PointFlowStats::requests).sum()).isEqualTo(requests);
    assertThat(r.stats().stream().mapToLong(PointFlowStats::replies).sum()).isEqualTo(replies);
    assertThat(r.stats().stream().mapToLong(PointFlowStats::answered).sum()).isEqualTo(answered);
    assertThat(r.summary().frames()).isPositive();
  }
}
