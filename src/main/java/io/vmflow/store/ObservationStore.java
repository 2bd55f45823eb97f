package io.vmflow.store;

import io.vmflow.store.HistoryStore.VmFindingRow;
import io.vmflow.store.HistoryStore.VmState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the nightly history as observations: one VM as one collection of one run saw it. A VM in
 * two collections of a run is two observations; its findings are those raised in that collection.
 */
@Repository
public class ObservationStore {

  /**
   * @param collectedAt when the collection was made (manifest or archive time), if known
   */
  public record Observation(
      long runId, String sha256, String collection, Optional<Instant> collectedAt, VmState state) {}

  /** Oldest first: by run, then collection time (unknown first), then collection sha. */
  public static final Comparator<Observation> ORDER =
      Comparator.comparingLong(Observation::runId)
          .thenComparing(o -> o.collectedAt().orElse(Instant.EPOCH))
          .thenComparing(Observation::sha256);

  private final JdbcTemplate jdbc;

  public ObservationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every VM observed in a run up to and including {@code runId}. */
  public List<String> vmIds(long runId) {
    return jdbc.queryForList(
        "SELECT DISTINCT vm_id FROM vm_state WHERE run_id <= ? ORDER BY vm_id",
        String.class,
        runId);
  }

  /** Observations of one VM up to and including {@code runId}, oldest first ({@link #ORDER}). */
  public List<Observation> of(String vmId, long runId) {
    return jdbc
        .query(
            "SELECT s.*, b.collection, b.name, b.collected_at FROM vm_state s"
                + " LEFT JOIN nightly_bundle b ON b.sha256 = s.bundle_sha256"
                + " WHERE s.vm_id = ? AND s.run_id <= ?",
            (rs, i) -> {
              String collection = rs.getString("collection");
              Timestamp at = rs.getTimestamp("collected_at");
              return new Observation(
                  rs.getLong("run_id"),
                  rs.getString("bundle_sha256"),
                  collection == null || collection.isEmpty()
                      ? (rs.getString("name") == null ? "" : rs.getString("name"))
                      : collection,
                  Optional.ofNullable(at).map(Timestamp::toInstant),
                  new VmState(
                      rs.getString("vm_id"),
                      rs.getString("vm_name"),
                      rs.getString("host"),
                      rs.getString("status"),
                      rs.getInt("errors"),
                      rs.getInt("warnings"),
                      rs.getLong("ping_requests"),
                      rs.getLong("ping_answered"),
                      rs.getString("report_page")));
            },
            vmId,
            runId)
        .stream()
        .sorted(ORDER)
        .toList();
  }

  /** Findings of one VM raised in one collection of one run. */
  public List<VmFindingRow> findings(Observation o) {
    return jdbc.query(
        "SELECT vm_id, finding_key, code, severity, message FROM vm_finding"
            + " WHERE run_id = ? AND bundle_sha256 = ? AND vm_id = ? ORDER BY finding_key",
        (rs, i) ->
            new VmFindingRow(
                rs.getString("vm_id"),
                rs.getString("finding_key"),
                rs.getString("code"),
                rs.getString("severity"),
                rs.getString("message")),
        o.runId(),
        o.sha256(),
        o.state().vmId());
  }
}
