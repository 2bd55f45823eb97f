package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** dump-flows, dpctl show and list-tunnels on real outputs. */
class OvsFlowsAndDatapathTest {

  static Stream<Path> flows() {
    return Fixtures.all("ovs_ofctl_dump_flows", ".*\\.txt").stream();
  }

  @ParameterizedTest
  @MethodSource("flows")
  void everyRealFlowDumpParsesEveryFlowLine(Path file) {
    Parsed<OvsOfctlDumpFlows> p =
        new OvsOfctlDumpFlowsParser()
            .parse(
                new SourceText(
                    Spec.OVS_OFCTL_DUMP_FLOWS, file.toString(), 1, "br-int", Fixtures.lines(file)));
    long flowLines = Fixtures.lines(file).stream().filter(l -> l.contains("actions=")).count();
    assertThat(p.value().orElseThrow().flows()).hasSize((int) flowLines);
    assertThat(p.value().orElseThrow().flows())
        .allSatisfy(f -> assertThat(f.actions()).isNotEmpty());
  }

  @Test
  void hotsosBrIntFlowsAreStructured() {
    OvsOfctlDumpFlows d =
        new OvsOfctlDumpFlowsParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_OFCTL_DUMP_FLOWS,
                    "ovs_ofctl_dump_flows",
                    "hotsos_sos_ovs-ofctl_dump-flows_br-int.txt",
                    "br-int"))
            .value()
            .orElseThrow();
    OvsOfctlDumpFlows.Flow first = d.flows().get(0);
    assertThat(first.cookie()).isEqualTo("0x565d7680690eea02");
    assertThat(first.table()).isZero();
    assertThat(first.priority()).isEqualTo(65535);
    assertThat(first.get("vlan_tci")).isEqualTo("0x0fff/0x1fff");
    assertThat(first.actions()).containsExactly("drop");
    OvsOfctlDumpFlows.Flow second = d.flows().get(1);
    assertThat(second.get("in_port")).isEqualTo("1");
    assertThat(second.get("dl_dst")).isEqualTo("fa:16:3f:9a:5d:e2");
    assertThat(second.actions()).containsExactly("resubmit(,4)");
    assertThat(second.durationSeconds()).isEqualTo(62956.750);
  }

  @Test
  void nestedActionArgumentsStayWhole() {
    Parsed<OvsOfctlDumpFlows> p =
        new OvsOfctlDumpFlowsParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_OFCTL_DUMP_FLOWS,
                    "br-int",
                    "OFPST_FLOW reply (OF1.3) (xid=0x2):",
                    " cookie=0x1, duration=1.5s, table=60, n_packets=12, n_bytes=1176, reset_counts priority=100,dl_vlan=15,dl_dst=fa:16:3e:29:fb:13 actions=strip_vlan,load:0x47->NXM_NX_REG5[],resubmit(,81),output:71",
                    " this is not a flow"));
    OvsOfctlDumpFlows.Flow f = p.value().orElseThrow().flows().get(0);
    assertThat(f.flags()).containsExactly("reset_counts");
    assertThat(f.packets()).isEqualTo(12);
    assertThat(f.get("dl_vlan")).isEqualTo("15");
    assertThat(f.actions())
        .containsExactly("strip_vlan", "load:0x47->NXM_NX_REG5[]", "resubmit(,81)", "output:71");
    assertThat(p.findings()).extracting(x -> x.line()).containsExactly(3);
  }

  @Test
  void dpctlShowGivesDatapathAndTypedPorts() {
    Parsed<OvsDpctlShow> p =
        new OvsDpctlShowParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_DPCTL_SHOW,
                    "ovs_dpctl_show",
                    "hotsos_ovs-appctl_dpctl.show_-s.txt",
                    ""));
    assertThat(p.findings()).isEmpty();
    OvsDpctlShow.Datapath dp = p.value().orElseThrow().datapaths().get(0);
    assertThat(dp.type()).isEqualTo("system");
    assertThat(dp.name()).isEqualTo("ovs-system");
    assertThat(dp.ports().get(0))
        .satisfies(
            x -> {
              assertThat(x.number()).isZero();
              assertThat(x.name()).isEqualTo("ovs-system");
              assertThat(x.type()).isEqualTo("internal");
            });
  }

  @Test
  void realDpctlOutputsOf9506hqwyParse() {
    for (Path f : Fixtures.all("ovs_dpctl_show", "9506hqwy.*")) {
      Parsed<OvsDpctlShow> p =
          new OvsDpctlShowParser()
              .parse(new SourceText(Spec.OVS_DPCTL_SHOW, f.toString(), 1, "", Fixtures.lines(f)));
      assertThat(p.value().orElseThrow().datapaths()).as(f.toString()).isNotEmpty();
      assertThat(p.value().orElseThrow().datapaths().get(0).ports()).as(f.toString()).isNotEmpty();
    }
  }

  @Test
  void listTunnelsGivesEndpoints() {
    OvsTunnels t =
        new OvsAppctlOfprotoListTunnelsParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS,
                    "ovs_appctl_ofproto_list_tunnels",
                    "hotsos_ovs-appctl_ofproto.list-tunnels.txt",
                    ""))
            .value()
            .orElseThrow();
    assertThat(t.tunnels())
        .extracting(
            OvsTunnels.Tunnel::name,
            OvsTunnels.Tunnel::type,
            OvsTunnels.Tunnel::localIp,
            OvsTunnels.Tunnel::remoteIp)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "vxlan-0a000072", "vxlan", "10.0.0.128", "10.0.0.114"),
            org.assertj.core.groups.Tuple.tuple(
                "vxlan-0a000085", "vxlan", "10.0.0.128", "10.0.0.133"));
  }
}
