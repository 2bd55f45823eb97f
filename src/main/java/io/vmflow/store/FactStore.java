package io.vmflow.store;

import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Parsed records, stored as JSON beside the catalog entry they came from, so later steps (and a
 * restarted run) read them back typed.
 */
@Repository
public class FactStore {

  /** A stored fact: the catalog entry's number, its spec and the parser's record. */
  public record StoredFact(int entrySeq, Spec spec, ParsedRecord value) {}

  private final JdbcTemplate jdbc;

  public FactStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void clear(long instanceId) {
    jdbc.update("DELETE FROM fact WHERE instance_id = ?", instanceId);
  }

  /** Writes or overwrites the fact of one entry; returns the length of the JSON stored. */
  public int put(long instanceId, int entrySeq, Spec spec, ParsedRecord value) {
    String json = JsonCodec.write(value);
    jdbc.update("DELETE FROM fact WHERE instance_id = ? AND entry_seq = ?", instanceId, entrySeq);
    jdbc.update(
        "INSERT INTO fact (instance_id, entry_seq, spec, body) VALUES (?,?,?,?)",
        instanceId,
        entrySeq,
        spec.name(),
        json);
    return json.length();
  }

  public List<StoredFact> list(long instanceId) {
    List<StoredFact> out = new ArrayList<>();
    jdbc.query(
        "SELECT entry_seq, spec, body FROM fact WHERE instance_id = ? ORDER BY entry_seq",
        rs -> {
          Spec spec = Spec.valueOf(rs.getString("spec"));
          Optional<CommandParser<?>> parser = ParserRegistry.parserFor(spec);
          if (parser.isPresent()) {
            ParsedRecord value = JsonCodec.read(rs.getString("body"), parser.get().type());
            out.add(new StoredFact(rs.getInt("entry_seq"), spec, value));
          }
        },
        instanceId);
    return out;
  }
}
