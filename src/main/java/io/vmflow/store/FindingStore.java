package io.vmflow.store;

import io.vmflow.finding.Category;
import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Findings of every stage, per job instance. A step replaces its own scope's findings, so a rerun
 * never duplicates them.
 */
@Repository
public class FindingStore {

  private final JdbcTemplate jdbc;

  public FindingStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Drops every finding of the instance: the run starts again from ingest. */
  public void clearAll(long instanceId) {
    jdbc.update("DELETE FROM finding WHERE instance_id = ?", instanceId);
  }

  /**
   * Replaces the findings of one scope: a stage ({@code ingest}, {@code check}) or one artifact of
   * a stage ({@code parse:17}).
   */
  public void replace(long instanceId, String stage, List<Finding> findings) {
    jdbc.update("DELETE FROM finding WHERE instance_id = ? AND stage = ?", instanceId, stage);
    int seq = 0;
    for (Finding f : findings) {
      jdbc.update(
          "INSERT INTO finding (instance_id, stage, seq, severity, category, code, message, origin,"
              + " line_no, vm_id, port_id, host_key, hint, evidence, peer_vm_id)"
              + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
          instanceId,
          stage,
          seq++,
          f.severity().name(),
          f.category().name(),
          f.code(),
          truncate(f.message()),
          truncate(f.origin()),
          f.line(),
          Columns.fit(f.vmId(), 255),
          truncate(f.port()),
          Columns.fit(f.hostKey(), 255),
          truncate(f.hint()),
          JsonCodec.write(f.evidence()),
          Columns.fit(f.peerVmId(), 255));
    }
  }

  public List<Finding> list(long instanceId) {
    return jdbc.query(
        "SELECT * FROM finding WHERE instance_id = ? ORDER BY stage, seq",
        (rs, i) ->
            new Finding(
                Severity.valueOf(rs.getString("severity")),
                Category.valueOf(rs.getString("category")),
                rs.getString("code"),
                rs.getString("message"),
                rs.getString("origin"),
                rs.getInt("line_no"),
                rs.getString("vm_id"),
                rs.getString("port_id"),
                rs.getString("host_key"),
                rs.getString("hint"),
                Arrays.asList(JsonCodec.read(rs.getString("evidence"), Evidence[].class)),
                rs.getString("peer_vm_id")),
        instanceId);
  }

  private static String truncate(String s) {
    return s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
  }
}
