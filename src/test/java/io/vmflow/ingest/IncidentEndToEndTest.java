package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An incident tarball as responders upload it: two sosreports of different compute nodes (one real,
 * from samples/) nested inside, plus a controller's saved shell session. The report shows every
 * host with its bridges.
 */
class IncidentEndToEndTest {

  @Test
  void nestedSosreportsAndTranscriptShowEveryHost(@TempDir Path tmp) throws Exception {
    byte[] compute4 = Files.readAllBytes(Path.of("samples/sosreport-compute4.tar.xz"));
    byte[] compute7 =
        Archives.xz(
            new Archives.Tar()
                .file(
                    "sosreport-compute7-2024-03-01-zzzzzzz/sos_commands/host/hostname",
                    "compute7\n")
                .file(
                    "sosreport-compute7-2024-03-01-zzzzzzz/sos_commands/openvswitch/ovs-vsctl_-t_5_show",
                    "    Bridge br-int\n        Port \"qvo81e4a23a-40\"\n            tag: 3\n            Interface \"qvo81e4a23a-40\"\n")
                .bytes());
    String session =
        "ctl01:~ # neutron net-list\n"
            + "+--------------------------------------+---------+--------------------------------------------------+\n"
            + "| id                                   | name    | subnets                                          |\n"
            + "+--------------------------------------+---------+--------------------------------------------------+\n"
            + "| bef86639-5fee-45a3-8db5-0b20b6363ba2 | private | 0d67a197-449f-47c2-8ed4-037fd3519644 10.0.0.0/24 |\n"
            + "+--------------------------------------+---------+--------------------------------------------------+\n";
    Path incident = tmp.resolve("incident-4711.tgz");
    Files.write(
        incident,
        Archives.gzip(
            new Archives.Tar()
                .file("incident-4711/sosreport-compute4.tar.xz", compute4)
                .file("incident-4711/nodes/sosreport-compute7.tar.xz", compute7)
                .file("incident-4711/controller/ctl01-session.txt", session)
                .bytes()));
    Path out = tmp.resolve("out");

    int exit = VmflowMain.run("analyze", incident.toString(), "-o", out.toString());

    assertThat(exit).isIn(0, 1);
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    List<String> names = new ArrayList<>();
    report.get("hosts").forEach(h -> names.add(h.get("name").asString()));
    // hosts are hypervisors only: the controller's tables are controller data (issue 17)
    assertThat(names).contains("compute4", "compute7").doesNotContain("ctl01");
    List<String> controllers = new ArrayList<>();
    report.get("controllers").forEach(c -> controllers.add(c.get("name").asString()));
    assertThat(controllers).contains("ctl01");
    JsonNode compute4Host = null;
    for (JsonNode h : report.get("hosts")) {
      if (h.get("name").asString().equals("compute4")) {
        compute4Host = h;
      }
    }
    List<String> bridges = new ArrayList<>();
    compute4Host.get("bridges").forEach(b -> bridges.add(b.get("name").asString()));
    assertThat(bridges).contains("br-int", "br-tun", "br-data", "br-ex");
    String tunnels = compute4Host.get("bridges").toString();
    assertThat(tunnels).contains("\"remoteIp\":\"10.0.0.133\"");
    String hostPage =
        Files.readString(
            out.resolve(
                report.get("hostPages").get(compute4Host.get("key").asString()).asString()));
    assertThat(hostPage).contains("vxlan-0a000085", "10.0.0.133", "patch-tun");
  }
}
