package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tnl/ports/show: each listener with its port and count; the header alone is no listener. */
class OvsAppctlTnlPortsShowParserTest {

  private static Parsed<OvsAppctlTnlPortsShow> parse(String name) {
    return new OvsAppctlTnlPortsShowParser()
        .parse(
            Fixtures.file(Spec.OVS_APPCTL_TNL_PORTS_SHOW, "ovs_appctl_tnl_ports_show", name, ""));
  }

  @Test
  void docSampleIsFourListeners() {
    Parsed<OvsAppctlTnlPortsShow> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsAppctlTnlPortsShow tp = p.value().orElseThrow();
    assertThat(tp.listeners())
        .extracting(OvsAppctlTnlPortsShow.Listener::device)
        .containsExactly("genev_sys_6081", "gre_sys", "gtpu_sys_2152", "vxlan_sys_4789");
    assertThat(tp.listeners().get(3))
        .isEqualTo(new OvsAppctlTnlPortsShow.Listener("vxlan_sys_4789", 4789, 3, 5));
    assertThat(tp.listens(6081)).isTrue();
    assertThat(tp.listens(4790)).isFalse();
  }

  @Test
  void aRealSwitchNumbersItsListenerAfterTheDatapathPortSoTheUdpPortComesFromTheName() {
    // "vxlan_sys_4789 (3)": 3 is the datapath port; read as the UDP port, a healthy lab's VXLAN
    // tunnels were said to have no listener (TUNNEL_NOT_IN_DATAPATH)
    Parsed<OvsAppctlTnlPortsShow> p = parse("lab_userspace_vxlan.txt");
    assertThat(p.findings()).isEmpty();
    OvsAppctlTnlPortsShow tp = p.value().orElseThrow();
    assertThat(tp.listeners())
        .containsExactly(new OvsAppctlTnlPortsShow.Listener("vxlan_sys_4789", 4789, 1, 2));
    assertThat(tp.listens(4789)).isTrue();
    assertThat(tp.listens(3)).isFalse();
  }

  @Test
  void aMovedVxlanPortIsASecondListenerAndTheHeaderAloneIsNone() {
    assertThat(parse("two_vxlan_ports.txt").value().orElseThrow().listens(4790)).isTrue();
    Parsed<OvsAppctlTnlPortsShow> none = parse("none.txt");
    assertThat(none.findings()).isEmpty();
    assertThat(none.value().orElseThrow().listeners()).isEmpty();
  }

  @Test
  void theVerboseFormHasNoCountAndAStrangeLineIsAFinding() {
    Parsed<OvsAppctlTnlPortsShow> p =
        new OvsAppctlTnlPortsShowParser()
            .parse(
                new SourceText(
                    Spec.OVS_APPCTL_TNL_PORTS_SHOW,
                    "ovs-appctl_tnl.ports.show_-v",
                    List.of(
                        "Listening ports:",
                        "vxlan_sys_4789 (4789) : recirc_id(0),in_port(1),udp(dst=4789)",
                        "no such thing")));
    assertThat(p.value().orElseThrow().listeners())
        .singleElement()
        .satisfies(l -> assertThat(l.refCount()).isEqualTo(-1));
    assertThat(p.findings()).extracting(Finding::code).containsExactly("PARSE_UNRECOGNISED_LINE");
  }
}
