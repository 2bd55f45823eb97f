package io.vmflow.store;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Nightly runs a {@code kill -9} left unfinished: a run that recorded bundles is finished with what
 * it recorded; one that recorded nothing is removed, so the trend shows real runs only. A run whose
 * owner still lives ({@link RunOwners}) is a concurrent run, not an interrupted one: left alone.
 */
@Repository
public class InterruptedRuns {

  private final JdbcTemplate jdbc;

  public InterruptedRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Closes or removes every unfinished run whose owner is dead; returns how many there were. */
  public int repair(Instant now) {
    int n = 0;
    for (var row :
        jdbc.queryForList(
            "SELECT run_id, owner, heartbeat_at FROM nightly_run WHERE finished_at IS NULL")) {
      long run = ((Number) row.get("run_id")).longValue();
      java.util.Optional<Instant> beat =
          java.util.Optional.ofNullable((Timestamp) row.get("heartbeat_at"))
              .map(Timestamp::toInstant);
      if (RunOwners.isAlive(String.valueOf(row.get("owner")), beat, now)) {
        continue;
      }
      Integer done =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM nightly_bundle WHERE run_id = ? AND status = 'DONE'",
              Integer.class,
              run);
      Integer states =
          jdbc.queryForObject("SELECT COUNT(*) FROM vm_state WHERE run_id = ?", Integer.class, run);
      if ((done == null || done == 0) && (states == null || states == 0)) {
        // its claims go with it: run ids are reused (MAX + 1), and a claim left STARTED under this
        // id would read as held by the next run to take the id, which then skips it as BUSY
        jdbc.update("DELETE FROM nightly_bundle WHERE run_id = ? AND status = 'STARTED'", run);
        jdbc.update("DELETE FROM nightly_run WHERE run_id = ?", run);
      } else {
        jdbc.update(
            "UPDATE nightly_run SET finished_at = ?, bundles_done = ? WHERE run_id = ?",
            Timestamp.from(now),
            done == null ? 0 : done,
            run);
      }
      n++;
    }
    return n;
  }
}
