package io.vmflow.parse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code ovsdb-server.log}: the switch database's starts and errors, with their time and line.
 *
 * @param events the events found, oldest first; the newest {@link LogBounds#MAX_EVENTS} when there
 *     were more
 * @param dropped how many older events were left out for that bound (0: none)
 */
public record OvsdbServerLog(List<LogEvent> events, int dropped) implements ParsedRecord {

  public OvsdbServerLog {
    events = List.copyOf(events);
  }

  /** What a log line says happened. */
  public enum Kind {
    /** A new ovsdb-server process: its first line ({@code |00001|}) or its version line. */
    START,
    /** An {@code ERR} or {@code EMER} line: {@code raft|ERR|I/O error: ... write failed}. */
    ERROR
  }

  /**
   * @param version for {@link Kind#START}, the version the start line names ("" when not said)
   * @param text the message, cut to 300 characters
   */
  public record LogEvent(
      Instant time, Kind kind, String level, String module, String text, String version, int line) {
    public LogEvent {
      Objects.requireNonNull(time);
      Objects.requireNonNull(kind);
      version = version == null ? "" : version;
    }
  }

  public List<LogEvent> of(Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }
}
