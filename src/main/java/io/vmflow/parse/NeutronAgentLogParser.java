package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A neutron agent's oslo.log file: sos copies {@code var/log/neutron/openvswitch-agent.log} (RHEL),
 * {@code neutron-openvswitch-agent.log} (Ubuntu, kolla), {@code l3-agent.log}, {@code
 * dhcp-agent.log}, ...; lines are {@code date time pid LEVEL module [context] message}.
 *
 * <pre>
 * 2016-11-03 12:13:07.391 27256 ERROR neutron.agent.l3.agent MessagingTimeout: Timed out waiting for a reply to message ID 899c792a3b56449fa1e9d276d42a1324
 * 2016-11-03 12:13:07.391 27256 ERROR neutron.agent.l3.agent
 * 2016-11-03 12:13:07.481 27256 WARNING oslo.service.loopingcall [-] Function 'neutron.agent.l3.agent.L3NATAgentWithStateReport._report_state' run outlasted interval by 106.48 sec
 * 2016-11-03 12:13:07.544 27256 INFO neutron.agent.l3.agent [-] Agent has just been revived. Doing a full sync.
 * 2016-11-03 14:26:51.857 23943 INFO neutron.common.config [-] Logging enabled!
 * 2016-11-03 14:26:51.858 23943 INFO neutron.common.config [-] /usr/bin/neutron-l3-agent version 8.2.0
 * 2016-11-03 14:26:52.085 23943 INFO eventlet.wsgi.server [-] (23943) wsgi starting up on http:/var/lib/neutron/keepalived-state-change
 * 2016-11-03 14:26:52.106 23943 INFO neutron.agent.l3.agent [-] Agent has just been revived. Doing a full sync.
 * 2016-11-03 14:26:52.124 23943 INFO neutron.agent.l3.agent [-] L3 agent started
 * </pre>
 *
 * Kept: starts ({@code Logging enabled!}, with the version the next line names), errors (ERROR and
 * CRITICAL; the lines of one traceback, same time, pid and module, are one event named by its first
 * message or, when that is the traceback itself, its exception line), resyncs ("out of sync", "full
 * sync", "resync", the DHCP agent's "Synchronizing state") and a lost switch ("OVS is dead", "OVS
 * is restarted", "Switch connection timeout") at INFO or WARNING. Left: every other line (rpc_loop
 * iterations, deprecation warnings, DEBUG). A journal's prefix ({@code Mar 03 19:47:29 host
 * neutron-openvswitch-agent[1792443]: }) and its continuation indent are read through. Times carry
 * no zone: they are read as UTC here (the cause stage moves them by the host's offset, {@code
 * HostClocks}). Bounded by {@link LogBounds}.
 */
final class NeutronAgentLogParser implements CommandParser<NeutronAgentLog> {

  // 2016-11-03 14:22:44.462 23122 INFO neutron.common.config [-] Logging enabled!
  // variants: a journal prefix "Mar 03 19:47:29 host unit[pid]: " or the journal's continuation
  // indent; no pid (devstack: "2017-05-15 07:34:37.541 WARNING neutron.agent... [-] ...")
  private static final Pattern LINE =
      Pattern.compile(
          "^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\S+ [^\\s\\[]+\\[\\d+\\]: |\\s+)?"
              + "(?<ts>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?) (?:(?<pid>\\d+) )?"
              + "(?<level>CRITICAL|ERROR|WARNING|AUDIT|INFO|DEBUG|TRACE) (?<module>\\S+)"
              + "(?: (?<msg>.*))?$");
  // [req-24ebe5aa-702f-4ddd-9883-2fb489afd2f5 - - - - -]  /  [-]  /  [req-916c... None None]
  private static final Pattern CONTEXT = Pattern.compile("^\\[[^\\]]{0,300}\\] ?");
  // /usr/bin/neutron-dhcp-agent version 8.2.0
  private static final Pattern VERSION =
      Pattern.compile("^\\S*?neutron-(?<agent>[\\w-]+) version (?<v>\\S+)\\s*$");
  // Agent out of sync with plugin! / Agent has just been revived. Doing a full sync. /
  // Scheduling full sync / Starting fullsync periodic_sync_routers_task / Synchronizing state
  private static final Pattern RESYNC =
      Pattern.compile("(?i).*(out of sync|full ?sync|resync).*|^Synchronizing state\\s*$");
  // OVS is dead. OVSNeutronAgent will keep running ... / OVS is restarted. OVSNeutronAgent will
  // reset bridges ... / Switch connection timeout
  private static final Pattern SWITCH_LOST =
      Pattern.compile("(?i)^(OVS is (dead|restarted)|Switch connection timeout).*");

  @Override
  public Spec spec() {
    return Spec.NEUTRON_AGENT_LOG;
  }

  @Override
  public Class<NeutronAgentLog> type() {
    return NeutronAgentLog.class;
  }

  /** An ERROR block being read: the lines of one traceback. */
  private static final class Block {
    final Matcher first;
    final Instant time;
    final int line;
    final String key;
    String last = "";
    int lines = 1;

    Block(Matcher first, Instant time, int line) {
      this.first = first;
      this.time = time;
      this.line = line;
      this.key = first.group("ts") + "|" + first.group("pid") + "|" + first.group("module");
    }

    NeutronAgentLog.LogEvent event() {
      String head = message(first);
      boolean traceback = head.isBlank() || head.startsWith("Traceback") || head.startsWith(" ");
      String text = traceback && !last.isBlank() ? last.strip() : head;
      return new NeutronAgentLog.LogEvent(
          time,
          NeutronAgentLog.Kind.ERROR,
          first.group("level"),
          first.group("module"),
          LogBounds.text(text),
          "",
          lines,
          line);
    }
  }

  @Override
  public Parsed<NeutronAgentLog> parse(SourceText source) {
    LogBounds bounds = new LogBounds(source, logName(source));
    Deque<NeutronAgentLog.LogEvent> events = new ArrayDeque<>();
    String agent = source.subject();
    Block block = null;
    for (int i = bounds.from(); i < source.lines().size(); i++) {
      Matcher m = LINE.matcher(bounds.line(i));
      Optional<Instant> time = m.matches() ? time(m.group("ts")) : Optional.empty();
      if (time.isEmpty()) {
        continue;
      }
      String level = m.group("level");
      if (level.equals("ERROR") || level.equals("CRITICAL")) {
        if (block != null && block.key.equals(keyOf(m))) {
          block.lines++;
          block.last = message(m).isBlank() ? block.last : message(m);
          continue;
        }
        if (block != null) {
          bounds.keep(events, block.event());
        }
        block = new Block(m, time.get(), source.lineNo(i));
        continue;
      }
      if (block != null) {
        bounds.keep(events, block.event());
        block = null;
      }
      String msg = message(m);
      Matcher v = VERSION.matcher(msg);
      if (v.matches()) {
        agent = agent.isEmpty() ? v.group("agent") : agent;
        if (!versioned(events, v.group("v"))) {
          bounds.keep(
              events,
              event(
                  m, time.get(), NeutronAgentLog.Kind.START, msg, v.group("v"), source.lineNo(i)));
        }
        continue;
      }
      Optional<NeutronAgentLog.Kind> kind = kind(level, msg);
      if (kind.isPresent()) {
        bounds.keep(events, event(m, time.get(), kind.get(), msg, "", source.lineNo(i)));
      }
    }
    if (block != null) {
      bounds.keep(events, block.event());
    }
    return Parsed.of(
        new NeutronAgentLog(agent, new ArrayList<>(events), bounds.dropped()), bounds.findings());
  }

  private static Optional<NeutronAgentLog.Kind> kind(String level, String msg) {
    if (level.equals("DEBUG") || level.equals("TRACE")) {
      return Optional.empty();
    }
    if (msg.startsWith("Logging enabled!")) {
      return Optional.of(NeutronAgentLog.Kind.START);
    }
    if (SWITCH_LOST.matcher(msg).matches()) {
      return Optional.of(NeutronAgentLog.Kind.SWITCH_LOST);
    }
    if (RESYNC.matcher(msg).matches()) {
      return Optional.of(NeutronAgentLog.Kind.RESYNC);
    }
    return Optional.empty();
  }

  // the version line right after "Logging enabled!" names that start's version
  private static boolean versioned(Deque<NeutronAgentLog.LogEvent> events, String version) {
    NeutronAgentLog.LogEvent s = events.peekLast();
    if (s == null || s.kind() != NeutronAgentLog.Kind.START || !s.version().isEmpty()) {
      return false;
    }
    events.pollLast();
    events.addLast(
        new NeutronAgentLog.LogEvent(
            s.time(), s.kind(), s.level(), s.module(), s.text(), version, s.lines(), s.line()));
    return true;
  }

  private static NeutronAgentLog.LogEvent event(
      Matcher m, Instant time, NeutronAgentLog.Kind kind, String msg, String version, int line) {
    return new NeutronAgentLog.LogEvent(
        time, kind, m.group("level"), m.group("module"), LogBounds.text(msg), version, 1, line);
  }

  private static String keyOf(Matcher m) {
    return m.group("ts") + "|" + m.group("pid") + "|" + m.group("module");
  }

  private static String message(Matcher m) {
    String msg = m.group("msg") == null ? "" : m.group("msg");
    return CONTEXT.matcher(msg).replaceFirst("");
  }

  private static String logName(SourceText source) {
    return source.subject().isEmpty() ? "the neutron agent log" : source.subject() + ".log";
  }

  // 2016-11-03 14:22:44.462: the host's local time, read as UTC
  private static Optional<Instant> time(String ts) {
    try {
      return Optional.of(LocalDateTime.parse(ts.replace(' ', 'T')).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
