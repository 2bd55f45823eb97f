package io.vmflow.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Nightly history: runs, the bundles they analysed, each VM's state and findings per run. */
@Repository
public class HistoryStore {

  /** A VM as one run saw it. */
  public record VmState(
      String vmId,
      String vmName,
      String host,
      String status,
      int errors,
      int warnings,
      long pingRequests,
      long pingAnswered,
      String reportPage) {}

  /**
   * A finding of one VM in one run. {@code key} identifies "the same finding" across runs: code
   * plus the evidence-independent part of what it is about.
   */
  public record VmFindingRow(
      String vmId, String key, String code, String severity, String message) {}

  /** A collection's processing state. */
  public record Bundle(
      String sha256,
      String name,
      String status,
      long runId,
      String reportDir,
      String collection,
      String groupingRule,
      String message) {}

  /** One run's totals for the trend chart. */
  public record RunTotals(
      long runId,
      Instant startedAt,
      int bundles,
      int findings,
      long pingRequests,
      long pingAnswered) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public HistoryStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
  }

  /**
   * Starts a run owned by {@code owner} ({@link RunOwners#self()}). Concurrent runs on one database
   * may compute the same next id: the primary key lets one insert it and the other takes the next.
   */
  public long startRun(Instant now, String owner) {
    for (int attempt = 0; ; attempt++) {
      Long max = jdbc.queryForObject("SELECT MAX(run_id) FROM nightly_run", Long.class);
      long id = max == null ? 1 : max + 1;
      try {
        jdbc.update(
            "INSERT INTO nightly_run (run_id, started_at, bundles_done, owner, heartbeat_at)"
                + " VALUES (?,?,0,?,?)",
            id,
            Timestamp.from(now),
            owner,
            Timestamp.from(now));
        return id;
      } catch (org.springframework.dao.DuplicateKeyException e) {
        if (attempt > 50) {
          throw e;
        }
      }
    }
  }

  /** The run is still alive: concurrent runs leave its claims alone. */
  public void heartbeat(long runId, Instant now) {
    jdbc.update(
        "UPDATE nightly_run SET heartbeat_at = ? WHERE run_id = ?", Timestamp.from(now), runId);
  }

  public void finishRun(long runId, Instant now, int bundles) {
    jdbc.update(
        "UPDATE nightly_run SET finished_at = ?, bundles_done = ? WHERE run_id = ?",
        Timestamp.from(now),
        bundles,
        runId);
  }

  /** Drops a run that processed nothing: a repeated run with nothing new leaves no trace. */
  public void dropEmptyRun(long runId) {
    jdbc.update("DELETE FROM nightly_run WHERE run_id = ?", runId);
  }

  public Optional<Bundle> bundle(String sha256) {
    return jdbc
        .query("SELECT * FROM nightly_bundle WHERE sha256 = ?", (rs, i) -> bundleOf(rs), sha256)
        .stream()
        .findFirst();
  }

  public List<Bundle> bundles(long runId) {
    return jdbc.query(
        "SELECT * FROM nightly_bundle WHERE run_id = ? ORDER BY name",
        (rs, i) -> bundleOf(rs),
        runId);
  }

  public void markFailed(String sha256, long runId, String message) {
    jdbc.update(
        "UPDATE nightly_bundle SET status = 'FAILED', message = ? WHERE sha256 = ? AND run_id = ?",
        cut(message),
        sha256,
        runId);
  }

  /**
   * Records a collection's VMs and findings and marks it done, all or nothing, only while this run
   * still holds its claim; returns false (nothing written) when another run took it over.
   */
  public boolean recordDone(
      long runId, String sha256, long instanceId, List<VmState> vms, List<VmFindingRow> findings) {
    return Boolean.TRUE.equals(
        tx.execute(
            status -> {
              Integer held =
                  jdbc.queryForObject(
                      "SELECT COUNT(*) FROM nightly_bundle WHERE sha256 = ? AND run_id = ? AND status <> 'DONE'",
                      Integer.class,
                      sha256,
                      runId);
              if (held == null || held == 0) {
                return false;
              }
              jdbc.update(
                  "DELETE FROM vm_state WHERE run_id = ? AND bundle_sha256 = ?", runId, sha256);
              jdbc.update(
                  "DELETE FROM vm_finding WHERE run_id = ? AND bundle_sha256 = ?", runId, sha256);
              for (VmState v : vms) {
                jdbc.update(
                    "INSERT INTO vm_state VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    runId,
                    sha256,
                    Columns.fit(v.vmId(), 255),
                    Columns.fit(v.vmName(), 255),
                    Columns.fit(v.host(), 255),
                    v.status(),
                    v.errors(),
                    v.warnings(),
                    v.pingRequests(),
                    v.pingAnswered(),
                    v.reportPage());
              }
              java.util.Set<String> keys = new java.util.HashSet<>();
              for (VmFindingRow f : findings) {
                // keys cut to the column can collide: one row per (VM, key), as the primary key
                // says
                if (!keys.add(Columns.fit(f.vmId(), 255) + "\n" + cut(f.key()))) {
                  continue;
                }
                jdbc.update(
                    "INSERT INTO vm_finding VALUES (?,?,?,?,?,?,?)",
                    runId,
                    sha256,
                    Columns.fit(f.vmId(), 255),
                    cut(f.key()),
                    f.code(),
                    f.severity(),
                    cut(f.message()));
              }
              int done =
                  jdbc.update(
                      "UPDATE nightly_bundle SET status = 'DONE', instance_id = ?, message = ''"
                          + " WHERE sha256 = ? AND run_id = ? AND status <> 'DONE'",
                      instanceId,
                      sha256,
                      runId);
              if (done != 1) {
                status.setRollbackOnly();
                return false;
              }
              return true;
            }));
  }

  public List<RunTotals> lastRuns(int n) {
    List<RunTotals> rows =
        jdbc.query(
            "SELECT r.run_id, r.started_at, r.bundles_done,"
                + " (SELECT COUNT(*) FROM vm_finding f WHERE f.run_id = r.run_id) AS findings,"
                + " (SELECT COALESCE(SUM(ping_requests),0) FROM vm_state s WHERE s.run_id = r.run_id) AS req,"
                + " (SELECT COALESCE(SUM(ping_answered),0) FROM vm_state s WHERE s.run_id = r.run_id) AS ans"
                + " FROM nightly_run r ORDER BY r.run_id DESC",
            (rs, i) ->
                new RunTotals(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getLong(5),
                    rs.getLong(6)));
    List<RunTotals> last = new java.util.ArrayList<>(rows.subList(0, Math.min(n, rows.size())));
    java.util.Collections.reverse(last);
    return last;
  }

  /** Run ids beyond the newest {@code keep}, oldest first. */
  public List<Long> runsBeyond(int keep) {
    List<Long> ids =
        jdbc.queryForList("SELECT run_id FROM nightly_run ORDER BY run_id DESC", Long.class);
    List<Long> old =
        new java.util.ArrayList<>(ids.size() <= keep ? List.of() : ids.subList(keep, ids.size()));
    java.util.Collections.reverse(old);
    return old;
  }

  /** Removes one run's history rows (retention); bundles stay known so they are not redone. */
  public void deleteRun(long runId) {
    jdbc.update("DELETE FROM vm_finding WHERE run_id = ?", runId);
    jdbc.update("DELETE FROM vm_state WHERE run_id = ?", runId);
    jdbc.update("DELETE FROM nightly_run WHERE run_id = ?", runId);
  }

  private static Bundle bundleOf(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Bundle(
        rs.getString("sha256"),
        rs.getString("name"),
        rs.getString("status"),
        rs.getLong("run_id"),
        rs.getString("report_dir"),
        rs.getString("collection"),
        rs.getString("grouping_rule"),
        rs.getString("message"));
  }

  private static String cut(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 997) + "...";
  }
}
