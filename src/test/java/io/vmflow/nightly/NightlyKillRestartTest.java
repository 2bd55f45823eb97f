package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a nightly run's JVM with SIGKILL half-way and shows the next run finishes the rest: every
 * bundle analysed exactly once, no history row twice, no job execution left running.
 */
class NightlyKillRestartTest {

  private static final int BUNDLES = 8;

  @Test
  void killedRunIsCompletedByTheNextWithoutDuplicates(@TempDir Path tmp) throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (int i = 0; i < BUNDLES; i++) {
      SeedVariants.healthy(inbox, "bundle-" + i, "collection " + i);
    }
    Path out = tmp.resolve("out");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                VmflowMain.class.getName(),
                "nightly",
                "--settle",
                "0",
                "--inbox",
                inbox.toString(),
                "-o",
                out.toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (reports(out) < 2 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    child.destroyForcibly().waitFor();
    int doneAtKill = countDone(out);
    assertThat(doneAtKill)
        .as("killed half-way (log: %s)", Files.readString(tmp.resolve("child.log")))
        .isLessThan(BUNDLES);

    int exit =
        VmflowMain.run(
            "nightly", "--settle", "0", "--inbox", inbox.toString(), "-o", out.toString());

    assertThat(exit).isIn(0, 1);
    try (Connection c = connect(out)) {
      assertThat(ints(c, "SELECT COUNT(*) FROM nightly_bundle WHERE status = 'DONE'"))
          .as("bundles after the restart (exit %d): %s", exit, rows(c))
          .containsExactly(BUNDLES);
      assertThat(ints(c, "SELECT COUNT(*) FROM nightly_bundle")).containsExactly(BUNDLES);
      assertThat(
              ints(
                  c,
                  "SELECT COUNT(*) FROM nightly_run WHERE finished_at IS NULL OR bundles_done = 0"))
          .as("no phantom run left by the kill")
          .containsExactly(0);
      assertThat(ints(c, "SELECT COUNT(DISTINCT run_id) FROM vm_state GROUP BY bundle_sha256"))
          .as("each bundle recorded in exactly one run")
          .hasSize(BUNDLES)
          .containsOnly(1);
      assertThat(
              ints(
                  c,
                  "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTED','STARTING','STOPPING')"))
          .containsExactly(0);
      assertThat(
              ints(
                  c,
                  "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
                      + " WHERE e.STATUS = 'COMPLETED' GROUP BY i.JOB_INSTANCE_ID"))
          .as("one completed execution per job instance")
          .containsOnly(1);
    }
  }

  private static long reports(Path out) throws Exception {
    Path bundles = out.resolve("bundles");
    if (!Files.isDirectory(bundles)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(bundles)) {
      return s.filter(d -> Files.exists(d.resolve("index.html"))).count();
    }
  }

  private static int countDone(Path out) throws Exception {
    try (Connection c = connect(out)) {
      return ints(c, "SELECT COUNT(*) FROM nightly_bundle WHERE status = 'DONE'").get(0);
    }
  }

  private static Connection connect(Path out) throws Exception {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + out.resolve(".vmflow").resolve("nightly"), "sa", "");
  }

  private static List<String> rows(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT name, status, run_id, message FROM nightly_bundle ORDER BY name")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " run "
                + rs.getLong(3)
                + " "
                + rs.getString(4));
      }
    }
    return out;
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
