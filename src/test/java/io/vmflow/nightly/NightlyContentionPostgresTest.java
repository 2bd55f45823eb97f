package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nightly runs started at once (two JVMs, two output folders) on one PostgreSQL database: each
 * collection is claimed and analysed by exactly one of them, neither fails, and the contention is
 * recorded nowhere as a failure.
 */
class NightlyContentionPostgresTest {

  private static final int COLLECTIONS = 6;
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) collections analysed, (\\d+) failed, (\\d+) already known, (\\d+)");

  @Test
  void twoRunsAtOnceShareTheCollectionsAndNeitherFails(@TempDir Path tmp) throws Exception {
    Optional<Path> bin = PostgresServer.binaries();
    assumeTrue(
        bin.isPresent() && !System.getenv().containsKey("VMFLOW_SKIP_POSTGRES"),
        "PostgreSQL server binaries not installed");
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (int i = 0; i < COLLECTIONS; i++) {
      Path d = SeedVariants.healthy(inbox, "collection-" + i, "collection " + i);
      Files.setLastModifiedTime(
          d.resolve("terminal-session.txt"), FileTime.from(Instant.now().minusSeconds(600)));
    }
    Path pg = Files.createTempDirectory("vmflow-pg");
    try (PostgresServer server = PostgresServer.start(bin.get(), pg)) {
      // the schema first, as a deployment would: two first starts at once both migrate otherwise
      assertThat(
              VmflowMain.run(
                  "nightly",
                  "--inbox",
                  Files.createDirectories(tmp.resolve("empty")).toString(),
                  "-o",
                  tmp.resolve("init").toString(),
                  "--db",
                  server.jdbcUrl(),
                  "--db-user",
                  "postgres"))
          .isZero();
      List<Process> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(start(tmp, inbox, server.jdbcUrl(), i));
      }
      int analysed = 0;
      for (int i = 0; i < 2; i++) {
        Process p = runs.get(i);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(tmp.resolve("run-" + i + ".log"));
        assertThat(p.exitValue()).as(log).isIn(0, 1);
        Matcher m = SUMMARY.matcher(log);
        assertThat(m.find()).as(log).isTrue();
        assertThat(m.group(2)).as("failed, in %s", log).isEqualTo("0");
        analysed += Integer.parseInt(m.group(1));
        System.out.println("run " + i + ": " + m.group() + " by another run");
      }
      assertThat(analysed).as("each collection analysed by exactly one run").isEqualTo(COLLECTIONS);
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
        assertThat(ints(c, "SELECT COUNT(*) FROM nightly_bundle WHERE status = 'DONE'"))
            .containsExactly(COLLECTIONS);
        assertThat(ints(c, "SELECT COUNT(*) FROM nightly_bundle")).containsExactly(COLLECTIONS);
        assertThat(ints(c, "SELECT COUNT(DISTINCT run_id) FROM vm_state GROUP BY bundle_sha256"))
            .hasSize(COLLECTIONS)
            .containsOnly(1);
        assertThat(
                ints(
                    c,
                    "SELECT COUNT(*) FROM batch_job_execution WHERE status NOT IN ('COMPLETED')"))
            .as("no job execution failed or was left running")
            .containsExactly(0);
        assertThat(ints(c, "SELECT COUNT(*) FROM nightly_run WHERE finished_at IS NULL"))
            .containsExactly(0);
      }
    } finally {
      org.springframework.util.FileSystemUtils.deleteRecursively(pg);
    }
  }

  private static Process start(Path tmp, Path inbox, String url, int i) throws Exception {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            VmflowMain.class.getName(),
            "nightly",
            "--settle",
            "0",
            "--inbox",
            inbox.toString(),
            "-o",
            tmp.resolve("out-" + i).toString(),
            "--db",
            url,
            "--db-user",
            "postgres")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("run-" + i + ".log").toFile())
        .start();
  }

  private static List<Integer> ints(Connection c, String sql) throws Exception {
    List<Integer> out = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }
}
