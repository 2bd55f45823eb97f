package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OvsVsctlListInterfaceParserTest {

  private static final String FOLDER = "ovs_vsctl_list_interface";

  private static Parsed<OvsVsctlListInterface> parse(String name) {
    return new OvsVsctlListInterfaceParser()
        .parse(Fixtures.file(Spec.OVS_VSCTL_LIST_INTERFACE, FOLDER, name, ""));
  }

  @Test
  void docSampleKeepsNameTypeStateAndStatisticsByIpLinkNames() {
    Parsed<OvsVsctlListInterface> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsVsctlListInterface.Interface i = p.value().orElseThrow().interfaces().get(0);
    assertThat(i.name()).isEqualTo("sg-189f4c40-9d");
    assertThat(i.type()).isEqualTo("internal");
    assertThat(i.linkState()).isEqualTo("down");
    assertThat(i.line()).isEqualTo(27);
    assertThat(i.counter("rx_dropped").orElseThrow().value()).isEqualTo(1);
    assertThat(i.counter("rx_dropped").orElseThrow().line()).isEqualTo(32);
    assertThat(i.counter("rx_missed")).isPresent();
    assertThat(i.counter("rx_overrun")).isPresent();
    assertThat(i.counter("rx_missed_errors")).isEmpty();
    assertThat(i.counter("tx_packets").orElseThrow().value()).isEqualTo(5);
  }

  @Test
  void realSosreportHoldsEveryRowWithItsDrops() {
    OvsVsctlListInterface l = parse("hotsos_openstack.txt").value().orElseThrow();
    assertThat(l.interfaces()).hasSize(17);
    assertThat(l.iface("br-int").orElseThrow().counter("rx_dropped").orElseThrow().value())
        .isEqualTo(1523);
  }

  @Test
  void labTunnelAndPatchPortsCountPacketsOnly() {
    OvsVsctlListInterface l = parse("lab_compute-a.txt").value().orElseThrow();
    OvsVsctlListInterface.Interface vxlan = l.iface("vxlan-c000020c").orElseThrow();
    assertThat(vxlan.type()).isEqualTo("vxlan");
    assertThat(vxlan.counter("tx_packets")).isPresent();
    assertThat(vxlan.counter("tx_dropped")).isEmpty();
    assertThat(l.iface("br-int").orElseThrow().counter("tx_dropped").orElseThrow().value())
        .isEqualTo(4);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hotsos_openstack.txt", "hotsos_sunbeam.txt", "lab_compute-a.txt"})
  void realOutputsParseWithoutFindings(String name) {
    assertThat(parse(name).findings()).isEmpty();
  }

  @Test
  void aGarbledLineIsAFindingAndTheRowsStay() {
    Parsed<OvsVsctlListInterface> p =
        new OvsVsctlListInterfaceParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_VSCTL_LIST_INTERFACE,
                    "",
                    "name                : tap1",
                    "statistics          : {rx_dropped=3, tx_dropped=7}",
                    "%%% garbled",
                    "",
                    "type                : internal"));
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly(ParseFindings.UNRECOGNISED_LINE, ParseFindings.BAD_VALUE);
    assertThat(p.value().orElseThrow().iface("tap1").orElseThrow().counter("tx_dropped"))
        .map(Counter::value)
        .contains(7L);
  }

  @Test
  void noRowIsNoData() {
    Parsed<OvsVsctlListInterface> p =
        new OvsVsctlListInterfaceParser()
            .parse(Fixtures.text(Spec.OVS_VSCTL_LIST_INTERFACE, "", "", ""));
    assertThat(p.value()).isEmpty();
    assertThat(p.findings()).extracting(f -> f.code()).containsExactly(ParseFindings.NO_DATA);
  }
}
