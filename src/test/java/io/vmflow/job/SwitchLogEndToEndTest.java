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
        .contains("Log timeline")
        .contains("2026-12-01 18:35:55.391")
        .contains("ovs-vswitchd started (Open vSwitch 3.1.0)")
        .contains("could not open network device nosuchdev0");
  }

  @Test
  void aHealthyNodesDatabaseAndAgentLogsAreOnTheTimelineWithoutAWarning(@TempDir Path tmp)
      throws Exception {
    Path dump = sosreport(tmp);
    copy("ovsdb_server_log/doc.txt", dump.resolve("var/log/openvswitch/ovsdb-server.log"));
    copy(
        "neutron_agent_log/insights_ovs_agent_start.txt",
        dump.resolve("var/log/neutron/openvswitch-agent.log"));
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", dump.toString(), "-o", out.toString());
    assertThat(logFindings(out))
        .contains("OVSDB_LOG_EVENT INFO", "NEUTRON_LOG_EVENT INFO")
        .allSatisfy(c -> assertThat(c).endsWith(" INFO"));
    String page = Files.readString(out.resolve("host-compute-a.html"));
    assertThat(page)
        .contains("2017-03-12 11:56:54.989", "ovsdb-server started (Open vSwitch 2.4.0)")
        .contains("2016-11-09 14:39:25.343", "neutron openvswitch-agent started (9.1.0)");
  }

  @Test
  void agentErrorsAndResyncsOfARealLogAreOnTheHostPage(@TempDir Path tmp) throws Exception {
    Path dump = sosreport(tmp);
    copy("neutron_agent_log/doc.txt", dump.resolve("var/log/neutron/l3-agent.log"));
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", dump.toString(), "-o", out.toString());
    assertThat(logFindings(out)).contains("NEUTRON_AGENT_ERRORS WARNING", "NEUTRON_LOG_EVENT INFO");
    assertThat(Files.readString(out.resolve("host-compute-a.html")))
        .contains(
            "2016-11-03 12:13:07.544", "neutron l3-agent resync: Agent has just been revived.");
  }

  private static Path sosreport(Path tmp) throws Exception {
    Path dump = tmp.resolve("sosreport-compute-a");
    Path src = Path.of("src/test/resources/fixtures/scenarios/lab-compute-a-ip");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = dump.resolve(src.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    return dump;
  }

  private static void copy(String fixture, Path to) throws Exception {
    Files.createDirectories(to.getParent());
    Files.copy(Path.of("src/test/resources/fixtures", fixture), to);
  }

  // code and severity of the findings the daemon logs raised
  private static List<String> logFindings(Path out) throws Exception {
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    List<String> codes = new ArrayList<>();
    for (JsonNode f : report.get("findings")) {
      String code = f.get("code").asString();
      if (code.startsWith("OVSDB_") || code.startsWith("NEUTRON_") || code.startsWith("LOG_")) {
        codes.add(code + " " + f.get("severity").asString());
      }
    }
    return codes;
  }
}
