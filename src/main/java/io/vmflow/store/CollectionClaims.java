package io.vmflow.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims a nightly collection for one run. The collection's {@code nightly_bundle} row is the
 * claim: its primary key (the collection's sha256) lets exactly one of several concurrent runs
 * insert it; a row left by a dead run, or FAILED or RETRY, is taken over by a conditional update
 * that only one run can win. Losing a claim is not a failure: another run analyses it.
 */
@Repository
public class CollectionClaims {

  /** What a claim attempt found. */
  public enum Outcome {
    /** This run analyses the collection. */
    CLAIMED,
    /** Analysed before (DONE): nothing to do. */
    DONE,
    /** Another live run is analysing it. */
    BUSY
  }

  /**
   * @param previousStatus the status the row had before this run took it over (empty: new row)
   */
  public record Claim(Outcome outcome, Optional<String> previousStatus, long holder) {}

  /** A collection as the nightly run names it. */
  public record Collection(
      String sha256,
      String name,
      String collection,
      String groupingRule,
      Optional<Instant> collectedAt,
      String reportDir) {}

  private final JdbcTemplate jdbc;

  public CollectionClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Claim claim(Collection c, long runId, Instant now) {
    Timestamp at = c.collectedAt().map(Timestamp::from).orElse(null);
    try {
      jdbc.update(
          "INSERT INTO nightly_bundle (sha256, name, status, run_id, report_dir, message, collection,"
              + " grouping_rule, collected_at) VALUES (?,?,'STARTED',?,?,'',?,?,?)",
          c.sha256(),
          Columns.fit(c.name(), 1000),
          runId,
          c.reportDir(),
          Columns.fit(c.collection(), 255),
          Columns.fit(c.groupingRule(), 4000),
          at);
      return new Claim(Outcome.CLAIMED, Optional.empty(), runId);
    } catch (DuplicateKeyException e) {
      return takeOver(c, runId, now, at);
    }
  }

  private Claim takeOver(Collection c, long runId, Instant now, Timestamp at) {
    var rows =
        jdbc.queryForList(
            "SELECT b.status, b.run_id, r.owner, r.heartbeat_at, r.finished_at FROM nightly_bundle b"
                + " LEFT JOIN nightly_run r ON r.run_id = b.run_id WHERE b.sha256 = ?",
            c.sha256());
    if (rows.isEmpty()) {
      return claim(c, runId, now); // deleted between the insert and this read: try again
    }
    var row = rows.get(0);
    String status = (String) row.get("status");
    long holder = ((Number) row.get("run_id")).longValue();
    if (status.equals("DONE")) {
      return new Claim(Outcome.DONE, Optional.of(status), holder);
    }
    boolean holderAlive =
        row.get("finished_at") == null
            && RunOwners.isAlive(
                row.get("owner") == null ? "" : (String) row.get("owner"),
                Optional.ofNullable((Timestamp) row.get("heartbeat_at")).map(Timestamp::toInstant),
                now);
    if (status.equals("STARTED") && holderAlive) {
      return new Claim(Outcome.BUSY, Optional.of(status), holder);
    }
    int won =
        jdbc.update(
            "UPDATE nightly_bundle SET status = 'STARTED', run_id = ?, name = ?, report_dir = ?,"
                + " message = '', collection = ?, grouping_rule = ?, collected_at = ?"
                + " WHERE sha256 = ? AND run_id = ? AND status = ?",
            runId,
            Columns.fit(c.name(), 1000),
            c.reportDir(),
            Columns.fit(c.collection(), 255),
            Columns.fit(c.groupingRule(), 4000),
            at,
            c.sha256(),
            holder,
            status);
    return won == 1
        ? new Claim(Outcome.CLAIMED, Optional.of(status), runId)
        : new Claim(Outcome.BUSY, Optional.of(status), holder);
  }

  /** Gives a claim back (its files changed during the analysis): the next run starts afresh. */
  public void release(String sha256, long runId) {
    jdbc.update(
        "DELETE FROM nightly_bundle WHERE sha256 = ? AND run_id = ? AND status = 'STARTED'",
        sha256,
        runId);
  }
}
