package io.vmflow.store;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** One JSON document per stage result (topology, pings) and job instance. */
@Repository
public class StageResultStore {

  private final JdbcTemplate jdbc;

  public StageResultStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void put(long instanceId, String kind, Object value) {
    jdbc.update("DELETE FROM stage_result WHERE instance_id = ? AND kind = ?", instanceId, kind);
    jdbc.update(
        "INSERT INTO stage_result (instance_id, kind, body) VALUES (?,?,?)",
        instanceId,
        kind,
        JsonCodec.write(value));
  }

  /** Deletes every result whose kind starts with {@code prefix}. */
  public void deleteAll(long instanceId, String prefix) {
    jdbc.update(
        "DELETE FROM stage_result WHERE instance_id = ? AND kind LIKE ?", instanceId, prefix + "%");
  }

  /** Every result whose kind starts with {@code prefix} (e.g. one per capture file). */
  public <T> List<T> list(long instanceId, String prefix, Class<T> type) {
    return jdbc
        .queryForList(
            "SELECT body FROM stage_result WHERE instance_id = ? AND kind LIKE ? ORDER BY kind",
            String.class,
            instanceId,
            prefix + "%")
        .stream()
        .map(b -> JsonCodec.read(b, type))
        .toList();
  }

  public <T> Optional<T> get(long instanceId, String kind, Class<T> type) {
    List<String> bodies =
        jdbc.queryForList(
            "SELECT body FROM stage_result WHERE instance_id = ? AND kind = ?",
            String.class,
            instanceId,
            kind);
    return bodies.stream().findFirst().map(b -> JsonCodec.read(b, type));
  }
}
