package io.vmflow.parse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code ovs-vswitchd.log}: the events of the switch daemon's log that an operator looks for, with
 * their time and line.
 *
 * @param events the events found, oldest first; the newest {@link OvsVswitchdLogParser#MAX_EVENTS}
 *     when there were more
 * @param dropped how many older events were left out for that bound (0: none)
 */
public record OvsVswitchdLog(List<LogEvent> events, int dropped) implements ParsedRecord {

  public OvsVswitchdLog {
    events = List.copyOf(events);
  }

  /** What a log line says happened. */
  public enum Kind {
    /** A new ovs-vswitchd process: its first line ({@code |00001|}) or its version line. */
    START,
    /** {@code timeval|WARN|Unreasonably long 1136ms poll interval}: the main loop stalled. */
    LONG_POLL,
    /** {@code resubmit actions recursed over 64 times}: a flow loop or too deep a pipeline. */
    RESUBMIT_LIMIT,
    /** {@code could not open network device tap1 (No such device)}. */
    DEVICE_OPEN_FAILED,
    /** {@code ... already exists}: a port or device added twice. */
    ALREADY_EXISTS,
    /** a WARN/ERR line about a flow_mod: a controller's flow change refused. */
    FLOW_MOD_ERROR
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
