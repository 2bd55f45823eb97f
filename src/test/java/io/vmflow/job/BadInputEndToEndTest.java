package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Garbage and half-pasted input: findings in the report, no stack trace, the documented exit. */
class BadInputEndToEndTest {

  @Test
  void garbageAndHalfPastedTranscriptBecomeFindings(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("bundle"));
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    Files.write(bundle.resolve("garbage.bin"), garbage);
    // a transcript pasted half-way: the table of `nova interface-list` is cut mid-row
    Files.writeString(
        bundle.resolve("session.txt"),
        String.join(
            "\n",
            "5F0B42C1-EFD0-C685-E811-16AD2A2D1793:/home/fsp # nova interface-list 8851611c-b34d-4f90-8670-273fe1e9dec3",
            "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
            "| Port State | Port ID                              | Net ID                               | IP addresses | MAC Addr          |",
            "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+",
            "| ACTIVE     | 81e4a23a-4053-40ce-9044-4edbe385b791 | bef86639-5fee-45a3-8db5",
            "68569C29-D21D-B211-BB45-0018E1C5D866:/home/fsp # ovs-ofctl show br-int |grep 1c65",
            " 71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17",
            " 72(pvo1c6",
            ""),
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out");

    int exit =
        VmflowMain.run("analyze", bundle.toString(), "-o", out.toString(), "--fail-on", "info");

    assertThat(exit).as("findings at or above info").isEqualTo(1);
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    assertThat(report.get("findings").size()).isPositive();
    boolean citesTranscript = false;
    for (JsonNode f : report.get("findings")) {
      for (JsonNode e : f.get("evidence")) {
        citesTranscript |=
            e.get("origin").asString().contains("session.txt") && e.get("line").asInt() > 0;
      }
    }
    assertThat(citesTranscript).as("a finding citing session.txt with a line").isTrue();
    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.filter(p -> !p.startsWith(bundle) && !p.startsWith(out) && !p.equals(tmp)))
          .isEmpty();
    }
  }

  @Test
  void defaultFailOnErrorExitsZeroWhenOnlyInfoFindings(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("b"));
    Files.writeString(bundle.resolve("notes.txt"), "nothing vmflow knows\n");
    // one readable output beside the notes: notes alone are "nothing readable", status 2
    Files.writeString(
        bundle.resolve("ctl01-session.txt"),
        "ctl01:~ # neutron net-list\n"
            + "+--------------------------------------+---------+--------------------------------------------------+\n"
            + "| id                                   | name    | subnets                                          |\n"
            + "+--------------------------------------+---------+--------------------------------------------------+\n"
            + "| bef86639-5fee-45a3-8db5-0b20b6363ba2 | private | 0d67a197-449f-47c2-8ed4-037fd3519644 10.0.0.0/24 |\n"
            + "+--------------------------------------+---------+--------------------------------------------------+\n");
    assertThat(VmflowMain.run("analyze", bundle.toString(), "-o", tmp.resolve("out").toString()))
        .isZero();
  }
}
