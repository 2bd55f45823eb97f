package io.vmflow.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims of collections analysed by remote workers. The collection's {@code nightly_bundle} row is
 * the claim, as for a local run ({@link CollectionClaims}), and it also names the worker ({@code
 * host:pid}) with its heartbeat: the run stays the manager's, the worker is who holds the row. In
 * the same run, a worker's claim whose heartbeat is older than the stale time is taken over by
 * another worker with a conditional update only one of them can win; a row of another run (local or
 * fleet) follows that run's liveness ({@link RunOwners}). Losing a claim is not a failure.
 */
@Repository
public class PartitionClaims {

  /** Who holds a collection's claim, as the manager checks it for a partition. */
  public record Holder(String status, String worker, Optional<Instant> heartbeat) {
    /** A worker that stopped beating for longer than {@code stale} is taken as dead. */
    public boolean isStale(Instant now, Duration stale) {
      return !worker.isEmpty() && heartbeat.map(h -> h.isBefore(now.minus(stale))).orElse(true);
    }
  }

  private final JdbcTemplate jdbc;

  public PartitionClaims(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CollectionClaims.Claim claim(
      CollectionClaims.Collection c, long runId, String worker, Instant now, Duration stale) {
    Timestamp at = c.collectedAt().map(Timestamp::from).orElse(null);
    try {
      jdbc.update(
          "INSERT INTO nightly_bundle (sha256, name, status, run_id, report_dir, message, collection,"
              + " grouping_rule, collected_at, worker, worker_heartbeat_at)"
              + " VALUES (?,?,'STARTED',?,?,'',?,?,?,?,?)",
          c.sha256(),
          Columns.fit(c.name(), 1000),
          runId,
          c.reportDir(),
          Columns.fit(c.collection(), 255),
          Columns.fit(c.groupingRule(), 4000),
          at,
          Columns.fit(worker, 255),
          Timestamp.from(now));
      return new CollectionClaims.Claim(CollectionClaims.Outcome.CLAIMED, Optional.empty(), runId);
    } catch (DuplicateKeyException e) {
      return takeOver(c, runId, worker, now, stale, at);
    }
  }

  private CollectionClaims.Claim takeOver(
      CollectionClaims.Collection c,
      long runId,
      String worker,
      Instant now,
      Duration stale,
      Timestamp at) {
    var rows =
        jdbc.queryForList(
            "SELECT b.status, b.run_id, b.worker, b.worker_heartbeat_at, r.owner, r.heartbeat_at,"
                + " r.finished_at FROM nightly_bundle b LEFT JOIN nightly_run r ON r.run_id ="
                + " b.run_id WHERE b.sha256 = ?",
            c.sha256());
    if (rows.isEmpty()) {
      return claim(c, runId, worker, now, stale); // deleted meanwhile: try again
    }
    var row = rows.get(0);
    String status = (String) row.get("status");
    long holder = ((Number) row.get("run_id")).longValue();
    String heldBy = row.get("worker") == null ? "" : (String) row.get("worker");
    if (status.equals("DONE")) {
      return new CollectionClaims.Claim(CollectionClaims.Outcome.DONE, Optional.of(status), holder);
    }
    // a row of another run (local, or another manager's) lives as long as that run does; in this
    // run, as long as the worker holding it beats
    boolean alive =
        holder != runId
            ? row.get("finished_at") == null
                && RunOwners.isAlive(
                    row.get("owner") == null ? "" : (String) row.get("owner"),
                    time(row.get("heartbeat_at")),
                    now)
            : !new Holder(status, heldBy, time(row.get("worker_heartbeat_at"))).isStale(now, stale);
    if (status.equals("STARTED") && alive) {
      return new CollectionClaims.Claim(CollectionClaims.Outcome.BUSY, Optional.of(status), holder);
    }
    int won =
        jdbc.update(
            "UPDATE nightly_bundle SET status = 'STARTED', run_id = ?, name = ?, report_dir = ?,"
                + " message = '', collection = ?, grouping_rule = ?, collected_at = ?, worker = ?,"
                + " worker_heartbeat_at = ? WHERE sha256 = ? AND run_id = ? AND status = ?"
                + " AND worker = ?",
            runId,
            Columns.fit(c.name(), 1000),
            c.reportDir(),
            Columns.fit(c.collection(), 255),
            Columns.fit(c.groupingRule(), 4000),
            at,
            Columns.fit(worker, 255),
            Timestamp.from(now),
            c.sha256(),
            holder,
            status,
            heldBy);
    return won == 1
        ? new CollectionClaims.Claim(CollectionClaims.Outcome.CLAIMED, Optional.of(status), runId)
        : new CollectionClaims.Claim(CollectionClaims.Outcome.BUSY, Optional.of(status), holder);
  }

  /** Says this worker still analyses the collection; false when the claim is no longer its own. */
  public boolean heartbeat(String sha256, String worker, Instant now) {
    return jdbc.update(
            "UPDATE nightly_bundle SET worker_heartbeat_at = ? WHERE sha256 = ? AND worker = ?"
                + " AND status = 'STARTED'",
            Timestamp.from(now),
            sha256,
            Columns.fit(worker, 255))
        == 1;
  }

  /** Whether this worker still holds the collection's claim. */
  public boolean isHeldBy(String sha256, String worker) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM nightly_bundle WHERE sha256 = ? AND worker = ? AND status ="
                + " 'STARTED'",
            Integer.class,
            sha256,
            Columns.fit(worker, 255));
    return n != null && n > 0;
  }

  /** Whether the nightly run is still going (a killed manager's run is closed by the next one). */
  public boolean isRunOpen(long runId) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM nightly_run WHERE run_id = ? AND finished_at IS NULL",
            Integer.class,
            runId);
    return n != null && n > 0;
  }

  /** The claim's holder, if the collection has a row. */
  public Optional<Holder> holder(String sha256) {
    return jdbc
        .queryForList(
            "SELECT status, worker, worker_heartbeat_at FROM nightly_bundle WHERE sha256 = ?",
            sha256)
        .stream()
        .findFirst()
        .map(
            r ->
                new Holder(
                    (String) r.get("status"),
                    r.get("worker") == null ? "" : (String) r.get("worker"),
                    time(r.get("worker_heartbeat_at"))));
  }

  private static Optional<Instant> time(Object ts) {
    return Optional.ofNullable((Timestamp) ts).map(Timestamp::toInstant);
  }
}
