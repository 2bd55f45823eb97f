package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /var/log/openvswitch/ovs-vswitchd.log} (sos copies it as {@code
 * var/log/openvswitch/ovs-vswitchd.log}): OVS's vlog lines, {@code
 * time|sequence|module|level|text}.
 *
 * <pre>
 * 2016-01-22T08:58:33.377Z|00002|vlog|INFO|opened log file /var/log/openvswitch/ovs-vswitchd.log
 * 2016-01-22T08:58:33.386Z|00007|bridge|INFO|ovs-vswitchd (Open vSwitch) 2.5.0
 * 2016-01-22T09:12:01.002Z|00051|timeval|WARN|Unreasonably long 1136ms poll interval (16ms user, 40ms system)
 * </pre>
 *
 * Kept: the events of {@link OvsVswitchdLog.Kind} with time, level, module, text and line; a start
 * is the first line a process writes ({@code |00001|}) or its version line, once per process. Every
 * other line (normal start-up and traffic lines, continuation lines of multi-line messages) is read
 * and left: a log is not an error list. Bounded by {@link LogBounds} (lines read, line length,
 * events kept; a finding says when a bound was reached).
 */
final class OvsVswitchdLogParser implements CommandParser<OvsVswitchdLog> {

  static final int MAX_EVENTS = LogBounds.MAX_EVENTS;

  // 2016-01-22T08:58:33.377Z|00002|vlog|INFO|opened log file ...   (also without milliseconds:
  // 2017-08-02T13:25:41Z|00001|vlog|INFO|...; module may carry a thread: daemon_unix(monitor))
  private static final Pattern LINE =
      Pattern.compile(
          "^(?<ts>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?Z)\\|(?<seq>\\d{1,9})\\|"
              + "(?<module>[^|]{1,64})\\|(?<level>EMER|ERR|WARN|INFO|DBG)\\|(?<text>.*)$");
  // bridge|INFO|ovs-vswitchd (Open vSwitch) 2.5.0
  private static final Pattern VERSION =
      Pattern.compile("^ovs-vswitchd \\(Open vSwitch\\) (?<v>\\S+)");

  @Override
  public Spec spec() {
    return Spec.OVS_VSWITCHD_LOG;
  }

  @Override
  public Class<OvsVswitchdLog> type() {
    return OvsVswitchdLog.class;
  }

  @Override
  public Parsed<OvsVswitchdLog> parse(SourceText source) {
    LogBounds bounds = new LogBounds(source, "ovs-vswitchd.log");
    Deque<OvsVswitchdLog.LogEvent> events = new ArrayDeque<>();
    boolean started = false;
    for (int i = bounds.from(); i < source.lines().size(); i++) {
      Matcher m = LINE.matcher(bounds.line(i));
      if (!m.matches()) {
        continue;
      }
      Optional<Instant> time = time(m.group("ts"));
      String text = m.group("text");
      Matcher v = VERSION.matcher(text);
      Optional<OvsVswitchdLog.Kind> kind;
      if (Integer.parseInt(m.group("seq")) == 1) {
        started = true;
        kind = Optional.of(OvsVswitchdLog.Kind.START);
      } else if (v.find()) {
        // the version line of the process whose first line was seen belongs to that start
        if (started && withVersion(events, v.group("v"))) {
          started = false;
          continue;
        }
        kind = Optional.of(OvsVswitchdLog.Kind.START);
      } else {
        kind = kind(m.group("level"), text);
      }
      if (kind.isEmpty() || time.isEmpty()) {
        continue;
      }
      bounds.keep(
          events,
          new OvsVswitchdLog.LogEvent(
              time.get(),
              kind.get(),
              m.group("level"),
              m.group("module"),
              LogBounds.text(text),
              v.reset().find() ? v.group("v") : "",
              source.lineNo(i)));
    }
    return Parsed.of(
        new OvsVswitchdLog(new ArrayList<>(events), bounds.dropped()), bounds.findings());
  }

  // gives the newest start its version; false when no start is kept
  private static boolean withVersion(Deque<OvsVswitchdLog.LogEvent> events, String version) {
    List<OvsVswitchdLog.LogEvent> later = new ArrayList<>();
    while (!events.isEmpty() && events.peekLast().kind() != OvsVswitchdLog.Kind.START) {
      later.add(0, events.pollLast());
    }
    boolean found = !events.isEmpty();
    if (found) {
      OvsVswitchdLog.LogEvent s = events.pollLast();
      events.addLast(
          new OvsVswitchdLog.LogEvent(
              s.time(), s.kind(), s.level(), s.module(), s.text(), version, s.line()));
    }
    events.addAll(later);
    return found;
  }

  private static Optional<OvsVswitchdLog.Kind> kind(String level, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    boolean problem = !level.equals("INFO") && !level.equals("DBG");
    if (t.startsWith("unreasonably long")) {
      return Optional.of(OvsVswitchdLog.Kind.LONG_POLL);
    }
    if (t.contains("resubmit actions recursed over")
        || t.contains("over max translation depth")
        || t.matches("over \\d+ resubmit actions.*")) {
      return Optional.of(OvsVswitchdLog.Kind.RESUBMIT_LIMIT);
    }
    if (t.contains("could not open network device")) {
      return Optional.of(OvsVswitchdLog.Kind.DEVICE_OPEN_FAILED);
    }
    if (problem && t.contains("already exists")) {
      return Optional.of(OvsVswitchdLog.Kind.ALREADY_EXISTS);
    }
    if (problem && (t.contains("flow_mod") || t.contains("flow mod"))) {
      return Optional.of(OvsVswitchdLog.Kind.FLOW_MOD_ERROR);
    }
    return Optional.empty();
  }

  private static Optional<Instant> time(String ts) {
    try {
      return Optional.of(Instant.parse(ts));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
