package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sosreport's {@code var/log/openvswitch/ovs-vswitchd.log} is read by its sos path and its events
 * land on the host's page with their times and evidence links.
 */
class SwitchLogEndToEndTest {

  @Test
  void restartsInTheSwitchLogAreOnTheHostPage(@TempDir Path tmp) throws Exception {
    Path dump = tmp.resolve("sosreport-compute-a");
    Path src = Path.of("src/test/resources/fixtures/scenarios/lab-compute-a-ip");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = dump.resolve(src.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    Path log = dump.resolve("var/log/openvswitch/ovs-vswitchd.log");
    Files.createDirectories(log.getParent());
    Files.copy(Path.of("src/test/resources/fixtures/ovs_vswitchd_log/lab_two_starts.txt"), log);
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", dump.toString(), "-o", out.toString());
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    List<String> codes = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      if (f.path("message").asString().contains("ovs-vswitchd")
          || f.get("code").asString().startsWith("OVS_")) {
        codes.add(f.get("code").asString() + " " + f.get("severity").asString());
      }
    }
    assertThat(codes).contains("OVS_VSWITCHD_RESTARTS WARNING", "OVS_LOG_EVENT INFO");
    String page = Files.readString(out.resolve("host-compute-a.html"));
    assertThat(page)
        .contains("2026-12-01T18:35:55.391Z ovs-vswitchd started (Open vSwitch 3.1.0)")
        .contains("could not open network device nosuchdev0");
  }
}
