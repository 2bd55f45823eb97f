package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An empty inbox is a quiet night on either database: outputs written, exit 0, no run recorded. */
class NightlyEmptyInboxTest {

  @Test
  void emptyInboxOnH2(@TempDir Path tmp) throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    assertThat(
            VmflowMain.run(
                "nightly",
                "--settle",
                "0",
                "--inbox",
                inbox.toString(),
                "-o",
                tmp.resolve("out").toString()))
        .isZero();
    assertThat(Files.readString(tmp.resolve("out/nightly.json"))).contains("\"runId\" : 0");
    assertThat(tmp.resolve("out/nightly.html")).exists();
    assertThat(Files.readString(tmp.resolve("out/nightly-junit.xml"))).contains("tests=\"0\"");
  }

  @Test
  void emptyInboxOnPostgres(@TempDir Path tmp) throws Exception {
    Optional<Path> bin = PostgresServer.binaries();
    assumeTrue(
        bin.isPresent() && !System.getenv().containsKey("VMFLOW_SKIP_POSTGRES"),
        "PostgreSQL server binaries not installed");
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Path pg = Files.createTempDirectory("vmflow-pg");
    try (PostgresServer server = PostgresServer.start(bin.get(), pg)) {
      String[] args = {
        "nightly",
        "--settle",
        "0",
        "--inbox",
        inbox.toString(),
        "-o",
        tmp.resolve("out").toString(),
        "--db",
        server.jdbcUrl(),
        "--db-user",
        "postgres"
      };
      assertThat(VmflowMain.run(args)).isZero();
      assertThat(VmflowMain.run(args)).as("second start: schema already migrated").isZero();
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(pg);
    }
  }
}
