package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import io.vmflow.store.RunOwners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed after claiming a collection but before finishing any: the next run deletes the dead
 * run and takes its id (run ids are MAX + 1). The dead run's claim must go with it, or it reads as
 * held by the new run itself and the collection is skipped as BUSY (seen once in CI: "7 collections
 * analysed, 1 analysed by another run" after a kill -9).
 */
class NightlyStaleClaimTest {

  @Test
  void aKilledRunsClaimDoesNotPassToTheRunThatReusesItsId(@TempDir Path tmp) throws Exception {
    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    SeedVariants.healthy(inbox, "bundle-0", "collection 0");
    Path out = tmp.resolve("out");
    assertThat(run(inbox, out)).isIn(0, 1);
    // make run 1 look killed right after its claim: owner a dead process, claim STARTED, nothing
    // recorded
    String dead = RunOwners.self().replaceAll(":\\d+$", ":" + Integer.MAX_VALUE);
    try (Connection c = connect(out)) {
      c.createStatement().executeUpdate("DELETE FROM vm_finding");
      c.createStatement().executeUpdate("DELETE FROM vm_state");
      c.createStatement().executeUpdate("UPDATE nightly_bundle SET status = 'STARTED'");
      c.createStatement()
          .executeUpdate(
              "UPDATE nightly_run SET finished_at = NULL, bundles_done = 0, owner = '"
                  + dead
                  + "'");
    }
    assertThat(run(inbox, out)).isIn(0, 1);
    try (Connection c = connect(out)) {
      assertThat(one(c, "SELECT status FROM nightly_bundle")).isEqualTo("DONE");
      assertThat(one(c, "SELECT COUNT(*) FROM vm_state")).isNotEqualTo("0");
    }
  }

  private static int run(Path inbox, Path out) {
    return VmflowMain.run(
        "nightly", "--settle", "0", "--inbox", inbox.toString(), "-o", out.toString());
  }

  private static Connection connect(Path out) throws Exception {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + out.resolve(".vmflow").resolve("nightly"), "sa", "");
  }

  private static String one(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
