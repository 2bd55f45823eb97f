package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults derived from the seed session by editing the one line a real fault would change; each must
 * be named by its finding code, and the healthy seed by none of them.
 */
class SeedFaultVariantsTest {

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        // fault; line of the seed to replace; replacement; expected code
        "tag removed; '            tag: 15'; ''; VLAN_TAG_MISSING",
        "dead vlan; '            tag: 15'; '            tag: 4095'; VLAN_DEAD",
        "fdb on another port; '   71    15  fa:16:3e:29:fb:13    0'; '   72    15  fa:16:3e:29:fb:13    0'; FDB_WRONG_PORT",
        "fdb in another vlan; '   71    15  fa:16:3e:29:fb:13    0'; '   71    16  fa:16:3e:29:fb:13    0'; FDB_WRONG_VLAN",
        "patch peer renamed; '                options: {peer=\"pvi1c65142e-2a\"}'; '                options: {peer=\"pvi1c65142e-xx\"}'; PATCH_PEER_MISMATCH",
        "tap missing from qbr; '\t\t\t\t\t\t\ttap1c65142e-2a'; ''; QBR_TAP_MISSING",
        "pvo port down; ' 71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17'; ' 71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17\n     config:     PORT_DOWN\n     state:      LINK_DOWN'; PORT_DOWN",
        "neutron port down; '| admin_state_up        | True                                                                             |'; '| status                | DOWN                                                                             |'; NEUTRON_PORT_DOWN"
      })
  void faultIsNamedByItsCode(String fault, String line, String replacement, String code)
      throws Exception {
    String seed =
        Files.readString(
            Path.of("samples/seed-fusionsphere/terminal-session.txt"), StandardCharsets.UTF_8);
    assertThat(seed).as("the seed holds the line the fault changes").contains(line);
    assertThat(codes(analyse("healthy", seed))).doesNotContain(code);
    String faulty = seed.replace(line, replacement.replace("\\n", "\n"));
    JsonNode report = analyse("faulty", faulty);
    assertThat(codes(report)).as(fault).contains(code);
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("status").asString()).isEqualTo("ERROR");
    assertThat(vm.get("hops").size()).as("the path is still traced").isGreaterThanOrEqualTo(6);
  }

  private JsonNode analyse(String name, String session) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve(name));
    Files.writeString(bundle.resolve("terminal-session.txt"), session, StandardCharsets.UTF_8);
    Path out = tmp.resolve(name + "-out");
    VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());
    return JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }

  private static List<String> codes(JsonNode report) {
    List<String> out = new ArrayList<>();
    report.get("findings").forEach(f -> out.add(f.get("code").asString()));
    return out;
  }
}
