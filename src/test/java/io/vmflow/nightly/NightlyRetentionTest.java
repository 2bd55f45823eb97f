package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --keep N keeps the newest N runs: older runs' report folders go, the inbox and newer runs stay.
 */
class NightlyRetentionTest {

  @Test
  void keepOneRemovesTheOlderRunsReportsOnly(@TempDir Path tmp) throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path out = tmp.resolve("out");
    SeedVariants.healthy(inbox, "first", "one");
    assertThat(
            VmflowMain.run(
                "nightly",
                "--settle",
                "0",
                "--inbox",
                inbox.toString(),
                "-o",
                out.toString(),
                "--keep",
                "1"))
        .isIn(0, 1);
    Path firstReport;
    try (Stream<Path> s = Files.list(out.resolve("bundles"))) {
      firstReport = s.findFirst().orElseThrow();
    }
    SeedVariants.healthy(inbox, "second", "two");
    assertThat(
            VmflowMain.run(
                "nightly",
                "--settle",
                "0",
                "--inbox",
                inbox.toString(),
                "-o",
                out.toString(),
                "--keep",
                "1"))
        .isIn(0, 1);
    assertThat(firstReport).doesNotExist();
    try (Stream<Path> s = Files.list(out.resolve("bundles"))) {
      assertThat(s.count()).isEqualTo(1);
    }
    assertThat(inbox.resolve("first")).exists();
    assertThat(Files.readString(out.resolve("nightly.json"))).contains("\"runId\" : 2");
    SeedVariants.healthy(inbox, "first-copy", "one");
    assertThat(
            VmflowMain.run(
                "nightly",
                "--settle",
                "0",
                "--inbox",
                inbox.toString(),
                "-o",
                out.toString(),
                "--keep",
                "1"))
        .isIn(0, 1);
    assertThat(Files.readString(out.resolve("nightly.json")))
        .as("a pruned run's bundle is still known")
        .contains("\"runId\" : 2");
  }
}
