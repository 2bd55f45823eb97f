package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The VM's MAC as nova (interface-list), neutron (port-show) and libvirt ({@code virsh dumpxml})
 * give it must agree. The seed session, with neutron's mac_address row and the VM's domain XML
 * added in the shapes the real outputs have (the libvirt interface as in
 * fixtures/scenarios/9506hqwy-linuxbridge-vxlan), once consistent and once with libvirt holding
 * another MAC.
 */
class MacCrossCheckEndToEndTest {

  private static final String VM = "8851611c-b34d-4f90-8670-273fe1e9dec3";
  private static final String ALIAS_ROW =
      "| alias_id              | cell1:1c65142e-2a4f-4664-b702-2176122a2ea4                                       |";
  private static final String MAC_ROW =
      "| mac_address           | fa:16:3e:29:fb:13                                                                |";

  @TempDir Path tmp;

  @Test
  void consistentSourcesRaiseNoMismatch() throws Exception {
    JsonNode report = analyse("healthy", "fa:16:3e:29:fb:13");
    JsonNode port = report.get("vms").get(0).get("ports").get(0);
    assertThat(port.get("macs").findValuesAsString("source"))
        .containsExactly("nova", "neutron", "libvirt");
    assertThat(port.get("macs").findValuesAsString("mac")).containsOnly("fa:16:3e:29:fb:13");
    assertThat(RealHostSetEndToEndTest.codes(report)).doesNotContain("MAC_MISMATCH");
  }

  @Test
  void libvirtMacDifferentFromNeutronIsAMismatchNamingBothSources() throws Exception {
    JsonNode report = analyse("faulty", "fa:16:3e:29:fb:31");
    JsonNode mismatch = null;
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asString().equals("MAC_MISMATCH")) {
        mismatch = f;
      }
    }
    assertThat(mismatch).as("MAC_MISMATCH finding").isNotNull();
    assertThat(mismatch.get("severity").asString()).isEqualTo("ERROR");
    assertThat(mismatch.get("vmId").asString()).isEqualTo(VM);
    assertThat(mismatch.get("message").asString())
        .contains("nova/neutron fa:16:3e:29:fb:13", "libvirt fa:16:3e:29:fb:31");
    // evidence: interface-list row, port-show row, the domain XML's <mac> line
    assertThat(mismatch.get("evidence").size()).isEqualTo(3);
    assertThat(mismatch.get("evidence").get(2).get("line").asInt()).isPositive();
  }

  private JsonNode analyse(String name, String libvirtMac) throws Exception {
    String seed =
        Files.readString(
            Path.of("samples/seed-fusionsphere/terminal-session.txt"), StandardCharsets.UTF_8);
    assertThat(seed).contains(ALIAS_ROW);
    String session =
        seed.replace(ALIAS_ROW, ALIAS_ROW + "\n" + MAC_ROW)
            + "68569C29-D21D-B211-BB45-0018E1C5D866:/home/fsp # virsh dumpxml instance-0000a1b2\n"
            + "<domain type='kvm' id='7'>\n"
            + "  <name>instance-0000a1b2</name>\n"
            + "  <uuid>"
            + VM
            + "</uuid>\n"
            + "  <devices>\n"
            + "    <interface type='bridge'>\n"
            + "      <mac address='"
            + libvirtMac
            + "'/>\n"
            + "      <source bridge='qbr1c65142e-2a'/>\n"
            + "      <target dev='tap1c65142e-2a'/>\n"
            + "      <model type='virtio'/>\n"
            + "      <alias name='net0'/>\n"
            + "    </interface>\n"
            + "  </devices>\n"
            + "</domain>\n";
    Path bundle = Files.createDirectories(tmp.resolve(name));
    Files.writeString(bundle.resolve("terminal-session.txt"), session, StandardCharsets.UTF_8);
    Path out = tmp.resolve(name + "-out");
    VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());
    return JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }
}
