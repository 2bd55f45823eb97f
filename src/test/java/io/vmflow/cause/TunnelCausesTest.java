package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.B;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsAppctlTnlPortsShow;
import io.vmflow.parse.OvsTunnels;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tunnel port OVSDB holds and ofproto/list-tunnels does not. */
class TunnelCausesTest {

  static Fact vsctl(String host, String... tunnels) {
    List<OvsVsctlShow.OvsPort> ports =
        java.util.Arrays.stream(tunnels)
            .map(
                n ->
                    new OvsVsctlShow.OvsPort(
                        n,
                        -1,
                        List.of(),
                        List.of(
                            new OvsVsctlShow.OvsInterface(
                                n, "vxlan", Map.of("remote_ip", "192.0.2.12"), "", 12)),
                        11))
            .toList();
    OvsVsctlShow show =
        new OvsVsctlShow(
            "u",
            "3.1.0",
            List.of(new OvsVsctlShow.OvsBridge("br-tun", "", "", List.of(), ports, 9)));
    return new Fact(host, Spec.OVS_VSCTL_SHOW, "ovs-vsctl_-t_5_show", "", show);
  }

  static Fact listTunnels(String host, String... names) {
    List<OvsTunnels.Tunnel> ts =
        java.util.Arrays.stream(names)
            .map(n -> new OvsTunnels.Tunnel(7, n, "vxlan", "192.0.2.11", "192.0.2.12", "", 1))
            .toList();
    return new Fact(
        host,
        Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS,
        "ovs-appctl_ofproto.list-tunnels",
        "",
        new OvsTunnels(ts));
  }

  static List<Finding> of(Fact... facts) {
    return TunnelCauses.of(LabFacts.topology(), List.of(facts));
  }

  @Test
  void aTunnelTheSwitchDoesNotListIsSaidForTheVmsReachingBrIntOnThatHost() {
    List<Finding> found =
        of(vsctl(A, "vxlan-c000020c", "vxlan-c000020d"), listTunnels(A, "vxlan-c000020c"));
    assertThat(found).extracting(Finding::vmId).containsExactlyInAnyOrder("vm1-id", "vm2-id");
    assertThat(found)
        .allSatisfy(
            f -> {
              assertThat(f.code()).isEqualTo(TunnelCauses.TUNNEL_NOT_IN_DATAPATH);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("vxlan-c000020d", "192.0.2.12", "br-tun", A);
              assertThat(f.line()).isEqualTo(12);
            });
  }

  @Test
  void withoutListTunnelsOfThatHostNothingIsSaid() {
    assertThat(of(vsctl(A, "vxlan-c000020d"))).isEmpty();
    assertThat(of(vsctl(A, "vxlan-c000020d"), listTunnels(B, "x"))).isEmpty();
    assertThat(of(vsctl(A, "vxlan-c000020c"), listTunnels(A, "vxlan-c000020c"))).isEmpty();
  }

  static Fact tunnel(String host, String name, String type, Map<String, String> options) {
    OvsVsctlShow.OvsPort port =
        new OvsVsctlShow.OvsPort(
            name,
            -1,
            List.of(),
            List.of(new OvsVsctlShow.OvsInterface(name, type, options, "", 14)),
            13);
    OvsVsctlShow show =
        new OvsVsctlShow(
            "u",
            "3.1.0",
            List.of(new OvsVsctlShow.OvsBridge("br-tun", "", "", List.of(), List.of(port), 9)));
    return new Fact(host, Spec.OVS_VSCTL_SHOW, "ovs-vsctl_-t_5_show", "", show);
  }

  static Fact listening(String host, int... ports) {
    List<OvsAppctlTnlPortsShow.Listener> ls =
        java.util.Arrays.stream(ports)
            .mapToObj(p -> new OvsAppctlTnlPortsShow.Listener("vxlan_sys_" + p, p, 1, 2))
            .toList();
    return new Fact(
        host,
        Spec.OVS_APPCTL_TNL_PORTS_SHOW,
        "ovs-appctl_tnl.ports.show_-v",
        "",
        new OvsAppctlTnlPortsShow(ls));
  }

  @Test
  void aUdpTunnelWhosePortTheUserspaceDatapathDoesNotListenOnIsSaid() {
    Map<String, String> moved = Map.of("remote_ip", "192.0.2.12", "dst_port", "4790");
    List<Finding> found = of(tunnel(A, "vxlan-c000020d", "vxlan", moved), listening(A, 4789));
    assertThat(found).extracting(Finding::vmId).containsExactlyInAnyOrder("vm1-id", "vm2-id");
    assertThat(found)
        .allSatisfy(
            f -> {
              assertThat(f.code()).isEqualTo(TunnelCauses.TUNNEL_NOT_IN_DATAPATH);
              assertThat(f.message()).contains("vxlan-c000020d", "UDP 4790", "tnl/ports/show");
              assertThat(f.evidence()).hasSize(2);
            });
  }

  @Test
  void aListenedPortAnEmptyListingOrGreSayNothing() {
    Map<String, String> plain = Map.of("remote_ip", "192.0.2.12");
    assertThat(of(tunnel(A, "vxlan-c000020d", "vxlan", plain), listening(A, 4789))).isEmpty();
    // a kernel datapath prints the header alone: no conclusion from it
    assertThat(of(tunnel(A, "vxlan-c000020d", "vxlan", plain), listening(A))).isEmpty();
    assertThat(of(tunnel(A, "gre-c000020d", "gre", plain), listening(A, 4789))).isEmpty();
    assertThat(of(tunnel(A, "vxlan-c000020d", "vxlan", plain), listening(B, 6081))).isEmpty();
  }
}
