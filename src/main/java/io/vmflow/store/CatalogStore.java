package io.vmflow.store;

import io.vmflow.ingest.ArtifactType;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The catalog: every artifact ingest found, per job instance, numbered in the order found. */
@Repository
public class CatalogStore {

  /** A catalog row: the entry and its number within the instance. */
  public record Row(int seq, CatalogEntry entry) {}

  private final JdbcTemplate jdbc;

  public CatalogStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void clear(long instanceId) {
    jdbc.update("DELETE FROM catalog_entry WHERE instance_id = ?", instanceId);
  }

  public void insert(long instanceId, int seq, CatalogEntry e) {
    jdbc.update(
        "INSERT INTO catalog_entry (instance_id, seq, origin, size_bytes, sha256, artifact, spec, host,"
            + " subject, command, first_line, content_path) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        instanceId,
        seq,
        Columns.fit(e.origin(), 4000),
        e.size(),
        e.sha256(),
        e.type().name(),
        e.spec().map(Spec::name).orElse(null),
        Columns.fit(e.host(), 255),
        Columns.fit(e.subject(), 1000),
        Columns.fit(e.command(), 4000),
        e.firstLine(),
        e.content().toString());
  }

  public List<Row> list(long instanceId) {
    return jdbc.query(
        "SELECT * FROM catalog_entry WHERE instance_id = ? ORDER BY seq",
        (rs, i) ->
            new Row(
                rs.getInt("seq"),
                new CatalogEntry(
                    rs.getString("origin"),
                    rs.getLong("size_bytes"),
                    rs.getString("sha256"),
                    ArtifactType.valueOf(rs.getString("artifact")),
                    Optional.ofNullable(rs.getString("spec")).map(Spec::valueOf),
                    rs.getString("host"),
                    rs.getString("subject"),
                    rs.getString("command"),
                    rs.getInt("first_line"),
                    Path.of(rs.getString("content_path")))),
        instanceId);
  }
}
