package io.vmflow.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vmflow redact --redact-map} with a real-format {@code sos clean} mapping file (see
 * fixtures/redact/SOURCE.md): the values sos masked come out exactly as sos masked them, new values
 * continue sos's counters, and the map written back keeps sos's entries and layout.
 */
class SosMappingFileTest {

  private static final Path SOS_MAP =
      Path.of("src/test/resources/fixtures/redact/sos_default_mapping.json");

  @TempDir static Path tmp;
  static String index;
  static String vmPage;
  static String evidence;
  static JsonNode written;

  @BeforeAll
  static void redact() throws Exception {
    Path report = tmp.resolve("seed");
    VmflowMain.run("analyze", "samples/seed-fusionsphere", "-o", report.toString());
    int exit =
        VmflowMain.run(
            "redact",
            report.toString(),
            "-o",
            tmp.resolve("shared").toString(),
            "--redact-map",
            SOS_MAP.toString(),
            "--redact-map-out",
            tmp.resolve("private/map.json").toString());
    assertThat(exit).isZero();
    Path shared = tmp.resolve("shared");
    index = Files.readString(shared.resolve("index.html"));
    try (var files = Files.list(shared)) {
      vmPage =
          Files.readString(
              files
                  .filter(p -> p.getFileName().toString().startsWith("vm-"))
                  .findFirst()
                  .orElseThrow());
    }
    evidence = Files.readString(shared.resolve("evidence-1.html"));
    written = JsonMapper.builder().build().readTree(tmp.resolve("private/map.json").toFile());
  }

  @Test
  void valuesSosMaskedAreMaskedAsSosDid() {
    String all = index + vmPage + evidence;
    assertThat(all).contains("host1", "host0", "101.0.0.2", "100.0.0.1", "53:4f:53:00:00:01");
    assertThat(evidence).contains("53:4f:53:00:00:02", "/home/obfuscatedword0");
    assertThat(all)
        .doesNotContainIgnoringCase("BC11HGSA0")
        .doesNotContainIgnoringCase("68569C29-D21D")
        .doesNotContain("10.0.0.17")
        .doesNotContain("172.29.0.5")
        .doesNotContain("fa:16:3e:29:fb:13")
        .doesNotContain("/home/fsp");
    assertThat(index).contains("host-host0.html");
  }

  @Test
  void newValuesContinueSosCounters() {
    // 10.0.0.107 is in the subnet sos masked as 101.0.0.0/24: the next free host there
    assertThat(evidence).contains("101.0.0.3").doesNotContain("10.0.0.107");
    assertThat(written.get("mac_map").get("7a:92:22:ab:2f:17").asString())
        .matches("53:4f:53:00:00:0[3-9]");
  }

  @Test
  void theMapWrittenBackKeepsSosEntriesAndLayout() {
    assertThat(written.propertyNames())
        .contains("hostname_map", "ip_map", "ipv6_map", "keyword_map", "mac_map", "username_map");
    assertThat(written.get("ip_map").get("10.0.0.0/24").asString()).isEqualTo("101.0.0.1/24");
    assertThat(written.get("hostname_map").get("bc11hgsa0").asString()).isEqualTo("host1");
    assertThat(written.get("ipv6_map").get("networks").get("fe80::/64").get("hosts")).isNotEmpty();
    assertThat(tmp.resolve("shared").resolve("map.json")).doesNotExist();
  }
}
