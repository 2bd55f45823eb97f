package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

class ProcNetDevParserTest {

  private static Parsed<ProcNetDev> parse(String name) {
    return new ProcNetDevParser().parse(Fixtures.file(Spec.PROC_NET_DEV, "proc_net_dev", name, ""));
  }

  @Test
  void docSampleNamesColumnsByTheHeader() {
    Parsed<ProcNetDev> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    ProcNetDev.DeviceStats flannel = p.value().orElseThrow().device("flannel.1").orElseThrow();
    assertThat(flannel.counter("tx_dropped").orElseThrow().value()).isEqualTo(13);
    assertThat(flannel.counter("tx_dropped").orElseThrow().line()).isEqualTo(3);
    assertThat(flannel.counter("rx_packets").orElseThrow().value()).isEqualTo(639);
    assertThat(flannel.counter("tx_collsns")).isPresent();
    assertThat(flannel.counter("tx_carrier")).isPresent();
    assertThat(p.value().orElseThrow().devices())
        .extracting(d -> d.name())
        .containsExactly("flannel.1", "ens3", "lo");
  }

  @Test
  void labTapWhoseGuestIsDownHasTheTxDrops() {
    ProcNetDev d = parse("lab_guest_down.txt").value().orElseThrow();
    assertThat(d.device("tap9e8d7c6b-5a").orElseThrow().counter("tx_dropped"))
        .map(Counter::value)
        .contains(20L);
    assertThat(d.device("ovs-netdev")).isPresent();
    assertThat(d.devices()).hasSize(15);
  }

  @Test
  void otherRealOutputParsesWithoutFindings() {
    assertThat(parse("hotsos_rabbitmq.txt").findings()).isEmpty();
    assertThat(parse("hotsos_rabbitmq.txt").value().orElseThrow().devices()).hasSize(2);
  }

  @Test
  void aShortRowIsABadValueAndAGarbledLineUnrecognised() {
    Parsed<ProcNetDev> p =
        new ProcNetDevParser()
            .parse(
                Fixtures.text(
                    Spec.PROC_NET_DEV,
                    "",
                    "Inter-|   Receive                |  Transmit",
                    " face |bytes    packets errs drop|bytes    packets errs drop",
                    "  eth0: 1 2 3",
                    "garbled"));
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly(ParseFindings.BAD_VALUE, ParseFindings.UNRECOGNISED_LINE);
    assertThat(p.value().orElseThrow().device("eth0").orElseThrow().counter("rx_errors"))
        .map(Counter::value)
        .contains(3L);
  }

  @Test
  void rowsWithoutAHeaderAreNoData() {
    Parsed<ProcNetDev> p =
        new ProcNetDevParser().parse(Fixtures.text(Spec.PROC_NET_DEV, "", "  eth0: 1 2 3"));
    assertThat(p.value()).isEmpty();
    assertThat(p.findings()).extracting(f -> f.code()).contains(ParseFindings.NO_DATA);
  }
}
