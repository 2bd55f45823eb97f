package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real hosts' matched outputs (openstack server list, the libvirt interface, ip -d link, ovs-vsctl
 * show, ovs-dpctl show, flows) with unhelpful file names, each set analysed as one dump: one test
 * per plug style and network type the sets show (fixtures/scenarios/9506hqwy-*, see SOURCE.md).
 */
class RealHostSetEndToEndTest {

  private static final String SCENARIOS = "src/test/resources/fixtures/scenarios/";

  @TempDir Path tmp;

  @Test
  void directPlugPathFromServerListLibvirtAndOvsdb() throws Exception {
    JsonNode report = analyse("9506hqwy-ovs-vlan");
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("id").asString()).isEqualTo("da861f02-dad6-45e8-b82a-554204302958");
    assertThat(vm.get("name").asString()).isEqualTo("instance01");
    JsonNode port = vm.get("ports").get(0);
    assertThat(port.get("mac").asString()).isEqualTo("fa:16:3e:ac:ee:39");
    assertThat(port.get("deviceId").asString()).isEqualTo("0ab9a23c-99");
    // VLAN provider network: local VLAN 2 leaves through int-br-provider (br-int flows map it from
    // VLAN 100); int-br-mgmt only drops, so it is not on the path
    assertThat(hops(vm))
        .containsExactly(
            tuple("tap0ab9a23c-99", "TAP", "br-int", 2, "fe:16:3e:ac:ee:39"),
            tuple("br-int", "INTEGRATION_BRIDGE", "", -1, ""),
            tuple("int-br-provider", "PATCH", "br-int", -1, ""),
            tuple("phy-br-provider", "PATCH", "br-provider", -1, ""),
            tuple("br-provider", "PROVIDER_BRIDGE", "", -1, ""),
            tuple("eth2", "PHYSICAL_NIC", "br-provider", -1, ""));
    assertThat(codes(report))
        .contains("LIBVIRT_LINK_ASSUMED")
        .doesNotContain("PORT_DOWN", "VLAN_TAG_MISSING", "DEVICE_MISSING", "MAC_MISMATCH");
  }

  @Test
  void flatProviderPathLeavesThroughTheBridgeWhoseFlowsCarryTheLocalVlan() throws Exception {
    JsonNode report = analyse("9506hqwy-ovs-flat");
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("id").asString()).isEqualTo("a9f5fa16-91d6-4dd6-893c-d497567f1c9b");
    assertThat(vm.get("ports").get(0).get("mac").asString()).isEqualTo("fa:16:3e:55:2a:5d");
    assertThat(vm.get("ports").get(0).get("ips").get(0).asString()).isEqualTo("172.16.0.112");
    // br-provider's flows (saved without the bridge's name) strip local VLAN 1 onto eth2; br-mgmt
    // (eth3) carries no network
    assertThat(hops(vm))
        .containsExactly(
            tuple("tap635485ff-6c", "TAP", "br-int", 1, "fe:16:3e:55:2a:5d"),
            tuple("br-int", "INTEGRATION_BRIDGE", "", -1, ""),
            tuple("int-br-provider", "PATCH", "br-int", -1, ""),
            tuple("phy-br-provider", "PATCH", "br-provider", -1, ""),
            tuple("br-provider", "PROVIDER_BRIDGE", "", -1, ""),
            tuple("eth2", "PHYSICAL_NIC", "br-provider", -1, ""));
    assertThat(codes(report))
        .containsOnly("LIBVIRT_LINK_ASSUMED", "SPEC_MISSING", "ENTRY_UNRECOGNISED_TEXT");
  }

  @Test
  void ovnPathIsTapOnBrIntThenGeneveTunnelWithoutVlanTag() throws Exception {
    JsonNode report = analyse("9506hqwy-ovn-geneve");
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("id").asString()).isEqualTo("0300fe58-123b-4b40-a077-82998ae5f48f");
    assertThat(hops(vm))
        .containsExactly(
            tuple("tap704a9e45-54", "TAP", "br-int", -1, "fe:16:3e:1a:d0:3d"),
            tuple("br-int", "INTEGRATION_BRIDGE", "", -1, ""),
            tuple("ovn-3732c7-0", "TUNNEL", "br-int", -1, ""));
    assertThat(vm.get("hops").get(2).get("peer").asString()).isEqualTo("172.16.0.11");
    // OVN keys networks by metadata, not local VLANs: an untagged port on its br-int is healthy
    assertThat(codes(report))
        .containsOnly("LIBVIRT_LINK_ASSUMED", "SPEC_MISSING", "ENTRY_UNRECOGNISED_TEXT");
  }

  @Test
  void linuxBridgeAgentPathIsTapThenBrqThenVxlanDevice() throws Exception {
    JsonNode report = analyse("9506hqwy-linuxbridge-vxlan");
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("id").asString()).isEqualTo("df970ec9-8410-48a6-9f04-d4621c967fce");
    assertThat(vm.get("ports").get(0).get("mac").asString()).isEqualTo("fa:16:3e:be:71:21");
    // brq + the network id's first 11 characters; vxlan-<VNI> is the tunnel
    assertThat(hops(vm))
        .containsExactly(
            tuple("tap7a8c0a54-75", "TAP", "brqc08e7dcd-4a", -1, "fe:16:3e:be:71:21"),
            tuple("brqc08e7dcd-4a", "LINUX_BRIDGE", "", -1, "1e:c5:d4:be:d4:71"),
            tuple("vxlan-267", "TUNNEL", "brqc08e7dcd-4a", -1, "1e:c5:d4:be:d4:71"));
    // no OVS on a Linux bridge agent host, so no OVS output is missing; the note's "(...)" elision
    // is
    // reported where it is
    List<String> codes = codes(report);
    assertThat(codes)
        .containsOnly("LIBVIRT_LINK_ASSUMED", "PARSE_UNRECOGNISED_LINE", "ENTRY_UNRECOGNISED_TEXT");
    JsonNode elided = finding(report, "PARSE_UNRECOGNISED_LINE");
    assertThat(elided.get("evidence").get(0).get("origin").asString())
        .endsWith("9506hqwy_linuxbridge-vxlan_ip_-d_link_show.txt");
    assertThat(elided.get("evidence").get(0).get("line").asInt()).isEqualTo(1);
  }

  @Test
  void networkNodeInventoryShowsBrTunVxlanToItsPeer() throws Exception {
    JsonNode report = analyse("9506hqwy-net-ovs-vxlan");
    // the set holds a DHCP port, no VM
    assertThat(report.get("vms")).isEmpty();
    JsonNode host = report.get("hosts").get(0);
    List<String> tunnels = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (JsonNode b : host.get("bridges")) {
      for (JsonNode p : b.get("ports")) {
        if (!p.get("remoteIp").asString().isEmpty()) {
          tunnels.add(
              b.get("name").asString()
                  + " "
                  + p.get("name").asString()
                  + " "
                  + p.get("type").asString()
                  + " "
                  + p.get("remoteIp").asString());
        }
        if (p.get("name").asString().equals("tap2dac2cf0-61")) {
          tags.add(b.get("name").asString() + " " + p.get("tag").asInt());
        }
      }
    }
    assertThat(tunnels).containsExactly("br-tun vxlan-ac10001f vxlan 172.16.0.31");
    assertThat(tags).containsExactly("br-int 3");
    assertThat(codes(report))
        .doesNotContain(
            "PORT_DOWN",
            "DEVICE_MISSING",
            "PATCH_PEER_MISSING",
            "PATCH_PEER_MISMATCH",
            "OVS_INTERFACE_ERROR");
  }

  private JsonNode analyse(String scenario) throws Exception {
    Path out = tmp.resolve(scenario);
    int exit = VmflowMain.run("analyze", SCENARIOS + scenario, "-o", out.toString());
    assertThat(exit).isIn(0, 1);
    return JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }

  /** (device, kind, bridge, vlan, mac) of each hop, in path order. */
  static List<org.assertj.core.groups.Tuple> hops(JsonNode vm) {
    List<org.assertj.core.groups.Tuple> out = new ArrayList<>();
    vm.get("hops")
        .forEach(
            h ->
                out.add(
                    tuple(
                        h.get("device").asString(),
                        h.get("kind").asString(),
                        h.get("bridge").asString(),
                        h.get("vlan").asInt(),
                        h.get("mac").asString())));
    return out;
  }

  static List<String> codes(JsonNode report) {
    List<String> codes = new ArrayList<>();
    report.get("findings").forEach(f -> codes.add(f.get("code").asString()));
    return codes;
  }

  private static JsonNode finding(JsonNode report, String code) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asString().equals(code)) {
        return f;
      }
    }
    throw new AssertionError("no finding " + code);
  }
}
