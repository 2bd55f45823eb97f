package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /var/log/openvswitch/ovsdb-server.log} (sos: {@code var/log/openvswitch/ovsdb-server.log};
 * containerised: {@code var/log/containers/openvswitch/ovsdb-server.log}): OVS's vlog lines, {@code
 * time|sequence|module|level|text}, as in ovs-vswitchd.log.
 *
 * <pre>
 * 2017-03-12T11:56:54.989Z|00001|vlog|INFO|opened log file /var/log/openvswitch/ovsdb-server.log
 * 2017-03-12T11:56:55.053Z|00002|ovsdb_server|INFO|ovsdb-server (Open vSwitch) 2.4.0
 * 2017-03-12T11:57:04.988Z|00003|memory|INFO|2664 kB peak resident set size after 10.0 seconds
 * 2017-03-12T11:57:04.988Z|00004|memory|INFO|cells:816 monitors:1 sessions:2
 * 2017-03-13T07:41:01.524Z|00005|vlog|INFO|closing log file
 * </pre>
 *
 * Kept: a start (the first line a process writes, {@code |00001|}, or its version line; once per
 * process, with the version) and every {@code ERR}/{@code EMER} line, with time, module, text and
 * line. Left: INFO lines and WARN lines such as {@code jsonrpc|WARN|unix#52: receive error:
 * Connection reset by peer}, which a healthy server writes whenever a client goes. Bounded by
 * {@link LogBounds}.
 */
final class OvsdbServerLogParser implements CommandParser<OvsdbServerLog> {

  // 2017-03-12T11:56:54.989Z|00001|vlog|INFO|opened log file ...  (also without milliseconds:
  // 2025-05-16T05:13:04Z|00001|ovsdb_server|INFO|ovsdb-server (Open vSwitch) 2.13.8)
  private static final Pattern LINE =
      Pattern.compile(
          "^(?<ts>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z)\\|(?<seq>\\d{1,9})\\|"
              + "(?<module>[^|]{1,64})\\|(?<level>EMER|ERR|WARN|INFO|DBG)\\|(?<text>.*)$");
  // ovsdb_server|INFO|ovsdb-server (Open vSwitch) 2.4.0
  private static final Pattern VERSION =
      Pattern.compile("^ovsdb-server \\(Open vSwitch\\) (?<v>\\S+)");

  @Override
  public Spec spec() {
    return Spec.OVSDB_SERVER_LOG;
  }

  @Override
  public Class<OvsdbServerLog> type() {
    return OvsdbServerLog.class;
  }

  @Override
  public Parsed<OvsdbServerLog> parse(SourceText source) {
    LogBounds bounds = new LogBounds(source, "ovsdb-server.log");
    Deque<OvsdbServerLog.LogEvent> events = new ArrayDeque<>();
    boolean started = false;
    for (int i = bounds.from(); i < source.lines().size(); i++) {
      Matcher m = LINE.matcher(bounds.line(i));
      Optional<Instant> time = m.matches() ? time(m.group("ts")) : Optional.empty();
      if (time.isEmpty()) {
        continue;
      }
      String text = m.group("text");
      Matcher v = VERSION.matcher(text);
      boolean version = v.find();
      OvsdbServerLog.Kind kind;
      if (Integer.parseInt(m.group("seq")) == 1) {
        started = true;
        kind = OvsdbServerLog.Kind.START;
      } else if (version && started && !events.isEmpty()) {
        // the version line of the process whose first line was kept names that start's version
        started = false;
        withVersion(events, v.group("v"));
        continue;
      } else if (version) {
        kind = OvsdbServerLog.Kind.START;
      } else if (m.group("level").equals("ERR") || m.group("level").equals("EMER")) {
        kind = OvsdbServerLog.Kind.ERROR;
      } else {
        continue;
      }
      bounds.keep(
          events,
          new OvsdbServerLog.LogEvent(
              time.get(),
              kind,
              m.group("level"),
              m.group("module"),
              LogBounds.text(text),
              version ? v.group("v") : "",
              source.lineNo(i)));
    }
    return Parsed.of(
        new OvsdbServerLog(new ArrayList<>(events), bounds.dropped()), bounds.findings());
  }

  // gives the newest start its version (errors kept after it stay after it)
  private static void withVersion(Deque<OvsdbServerLog.LogEvent> events, String version) {
    List<OvsdbServerLog.LogEvent> later = new ArrayList<>();
    while (!events.isEmpty() && events.peekLast().kind() != OvsdbServerLog.Kind.START) {
      later.add(0, events.pollLast());
    }
    if (!events.isEmpty()) {
      OvsdbServerLog.LogEvent s = events.pollLast();
      events.addLast(
          new OvsdbServerLog.LogEvent(
              s.time(), s.kind(), s.level(), s.module(), s.text(), version, s.line()));
    }
    events.addAll(later);
  }

  private static Optional<Instant> time(String ts) {
    try {
      return Optional.of(Instant.parse(ts));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
