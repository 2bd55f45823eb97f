package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.capture.CaptureWriter;
import io.vmflow.cli.VmflowMain;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two hybrid-plugged VMs on one host ping each other; each tap is captured. Requests leave A's tap
 * but 20 of 50 never reach B's tap: the loss lies on the way between them, through br-int.
 */
class VmToVmLossEndToEndTest {

  private static final String SESSION =
      String.join(
          "\n",
          "compute1:~ # nova interface-list aaaaaaaa-0000-4000-8000-000000000001",
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
          "| Port State | Port ID                              | Net ID                               | IP addresses | MAC Addr          |",
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
          "| ACTIVE     | 11111111-2222-4333-8444-555555555555 | 99999999-0000-4000-8000-000000000009 | 10.0.0.5     | fa:16:3e:00:00:05 |",
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
          "compute1:~ # nova interface-list bbbbbbbb-0000-4000-8000-000000000002",
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
          "| Port State | Port ID                              | Net ID                               | IP addresses | MAC Addr          |",
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
          "| ACTIVE     | 33333333-4444-4555-8666-777777777777 | 99999999-0000-4000-8000-000000000009 | 10.0.0.6     | fa:16:3e:00:00:06 |",
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
          "compute1:~ # brctl show",
          "bridge name\tbridge id\t\tSTP enabled\tinterfaces",
          "qbr11111111-22\t\t8000.0a0000000001\tno\t\tqvb11111111-22",
          "\t\t\t\t\t\t\ttap11111111-22",
          "qbr33333333-44\t\t8000.0a0000000002\tno\t\tqvb33333333-44",
          "\t\t\t\t\t\t\ttap33333333-44",
          "compute1:~ # ovs-vsctl show",
          "    Bridge br-int",
          "        Port \"qvo11111111-22\"",
          "            tag: 1",
          "            Interface \"qvo11111111-22\"",
          "        Port \"qvo33333333-44\"",
          "            tag: 1",
          "            Interface \"qvo33333333-44\"",
          "compute1:~ # exit",
          "");

  @Test
  void requestsLostBetweenTwoVmsAreLocalisedAcrossBrInt(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    Files.writeString(bundle.resolve("compute1-session.txt"), SESSION);
    long t0 = 1_700_000_000_000_000_000L;
    try (OutputStream a = Files.newOutputStream(bundle.resolve("tap11111111-22.pcap"));
        OutputStream b = Files.newOutputStream(bundle.resolve("tap33333333-44.pcap"))) {
      CaptureWriter.Pcap atA = new CaptureWriter.Pcap(a, false, 1);
      CaptureWriter.Pcap atB = new CaptureWriter.Pcap(b, false, 1);
      for (int seq = 1; seq <= 50; seq++) {
        long t = t0 + seq * 100_000_000L;
        atA.frame(t, CaptureWriter.echo("10.0.0.5", "10.0.0.6", true, 4242, seq));
        if (seq % 5 < 3) {
          atB.frame(t + 50_000, CaptureWriter.echo("10.0.0.5", "10.0.0.6", true, 4242, seq));
          atB.frame(t + 90_000, CaptureWriter.echo("10.0.0.6", "10.0.0.5", false, 4242, seq));
          atA.frame(t + 140_000, CaptureWriter.echo("10.0.0.6", "10.0.0.5", false, 4242, seq));
        }
      }
    }
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    assertThat(report.get("vms")).hasSize(2);
    for (JsonNode vm : report.get("vms")) {
      JsonNode loss = vm.get("lossSegments").get(0);
      assertThat(loss.get("from").asString()).isEqualTo("tap11111111-22");
      assertThat(loss.get("to").asString()).isEqualTo("tap33333333-44");
      assertThat(loss.get("direction").asString()).isEqualTo("request");
      assertThat(loss.get("lost").asLong()).isEqualTo(20);
      assertThat(loss.get("sentence").asString()).contains("20 of 50 echo requests", "br-int");
    }
  }
}
