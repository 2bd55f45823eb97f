package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

class EthtoolSParserTest {

  private static Parsed<EthtoolS> parse(String name, String nic) {
    return new EthtoolSParser().parse(Fixtures.file(Spec.ETHTOOL_S, "ethtool_s", name, nic));
  }

  @Test
  void docSampleKeepsEveryDriverCounter() {
    Parsed<EthtoolS> p = parse("doc.txt", "ens3");
    assertThat(p.findings()).isEmpty();
    EthtoolS s = p.value().orElseThrow();
    assertThat(s.device()).isEqualTo("ens3");
    assertThat(s.counters()).hasSize(13);
    assertThat(s.counter("rx_queue_0_packets").orElseThrow().value()).isEqualTo(25933187);
    assertThat(s.counter("rx_queue_0_drops").orElseThrow().line()).isEqualTo(4);
    assertThat(s.losses()).isEmpty();
  }

  @Test
  void aTapWithoutStatisticsIsEmptyWithoutFinding() {
    Parsed<EthtoolS> p = parse("hotsos_tap_no_stats.txt", "tap0e778df8-ca");
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().counters()).isEmpty();
  }

  @Test
  void lossesAreTheDropMissAndErrorCountersAboveZero() {
    Parsed<EthtoolS> p =
        new EthtoolSParser()
            .parse(
                Fixtures.text(
                    Spec.ETHTOOL_S,
                    "eth0",
                    "NIC statistics:",
                    "     rx_packets: 10",
                    "     rx_missed_errors: 4",
                    "     rx_queue_1_drops: 0",
                    "what is this"));
    assertThat(p.value().orElseThrow().losses())
        .extracting(Counter::name)
        .containsExactly("rx_missed_errors");
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly(ParseFindings.UNRECOGNISED_LINE);
    assertThat(parse("hotsos_veth.txt", "veth0d284c32").findings()).isEmpty();
  }
}
