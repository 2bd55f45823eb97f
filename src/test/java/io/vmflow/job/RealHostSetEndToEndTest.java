package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real host's matched outputs (openstack server list, the libvirt interface, ip -d link,
 * ovs-vsctl show, ovs-dpctl show, br-int flows) with unhelpful file names, analysed as one dump:
 * an OVS direct plug (the OVS firewall driver), tap on br-int in VLAN 2.
 */
class RealHostSetEndToEndTest {

  @Test
  void directPlugPathFromServerListLibvirtAndOvsdb(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    int exit = VmflowMain.run("analyze", "src/test/resources/fixtures/scenarios/9506hqwy-ovs-vlan", "-o", out.toString());
    assertThat(exit).isIn(0, 1);
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("id").asString()).isEqualTo("da861f02-dad6-45e8-b82a-554204302958");
    assertThat(vm.get("name").asString()).isEqualTo("instance01");
    JsonNode port = vm.get("ports").get(0);
    assertThat(port.get("mac").asString()).isEqualTo("fa:16:3e:ac:ee:39");
    assertThat(port.get("deviceId").asString()).isEqualTo("0ab9a23c-99");
    List<String> devices = new ArrayList<>();
    vm.get("hops").forEach(h -> devices.add(h.get("device").asString()));
    assertThat(devices).startsWith("tap0ab9a23c-99", "br-int");
    JsonNode tap = vm.get("hops").get(0);
    assertThat(tap.get("kind").asString()).isEqualTo("TAP");
    assertThat(tap.get("bridge").asString()).isEqualTo("br-int");
    assertThat(tap.get("vlan").asInt()).isEqualTo(2);
    List<String> codes = new ArrayList<>();
    report.get("findings").forEach(f -> codes.add(f.get("code").asString()));
    assertThat(codes).contains("LIBVIRT_LINK_ASSUMED").doesNotContain("PORT_DOWN", "VLAN_TAG_MISSING", "DEVICE_MISSING");
  }
}
