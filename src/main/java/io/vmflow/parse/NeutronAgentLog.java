package io.vmflow.parse;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A neutron agent's log ({@code openvswitch-agent.log}, {@code l3-agent.log}, {@code
 * dhcp-agent.log}, ...): its starts, errors, resyncs and lost switch, with their time and line.
 * Times are the host's local clock as oslo.log writes them (no zone), read as UTC here; the cause
 * stage moves them to UTC with the host's offset when its {@code date} outputs say it.
 *
 * @param agent the agent the log belongs to ({@code openvswitch-agent}), from the file name or the
 *     version line; "" when neither says
 * @param events the events found, oldest first; the newest {@link LogBounds#MAX_EVENTS} when there
 *     were more
 * @param dropped how many older events were left out for that bound (0: none)
 */
public record NeutronAgentLog(String agent, List<LogEvent> events, int dropped)
    implements ParsedRecord {

  public NeutronAgentLog {
    agent = agent == null ? "" : agent;
    events = List.copyOf(events);
  }

  /** What a log line says happened. */
  public enum Kind {
    /** {@code neutron.common.config [-] Logging enabled!}: a new agent process. */
    START,
    /** An ERROR or CRITICAL message; the lines of one traceback are one event. */
    ERROR,
    /** {@code Agent out of sync with plugin!}, {@code ... Doing a full sync.}: a resync. */
    RESYNC,
    /** {@code OVS is dead.}, {@code OVS is restarted.}: the agent lost its switch. */
    SWITCH_LOST
  }

  /**
   * @param version for {@link Kind#START}, the version the start lines name ("" when not said)
   * @param text the message without its request context, cut to 300 characters; for a traceback its
   *     exception line
   * @param lines how many log lines the event spans (a traceback's)
   */
  public record LogEvent(
      Instant time,
      Kind kind,
      String level,
      String module,
      String text,
      String version,
      int lines,
      int line) {
    public LogEvent {
      Objects.requireNonNull(time);
      Objects.requireNonNull(kind);
      version = version == null ? "" : version;
    }
  }

  public List<LogEvent> of(Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }

  /** The agent's name for messages: {@code neutron openvswitch-agent}. */
  public String name() {
    return agent.isEmpty() ? "neutron agent" : "neutron " + agent;
  }
}
