package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.NeutronAgentLog;
import io.vmflow.parse.OvsdbServerLog;
import io.vmflow.topology.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The switch database's and the neutron agents' logs as findings on their host: each event (the
 * newest {@link #LISTED} of a log) as an INFO line with its time and evidence line, so the host
 * page reads as a timeline; repeated starts, errors and a lost switch as warnings. A single start
 * is a healthy node's start-up and stays INFO. (ovs-vswitchd.log is {@link LogEvents}'.)
 */
final class DaemonLogEvents {

  static final String OVSDB_LOG_EVENT = "OVSDB_LOG_EVENT";
  static final String OVSDB_SERVER_RESTARTS = "OVSDB_SERVER_RESTARTS";
  static final String OVSDB_SERVER_ERRORS = "OVSDB_SERVER_ERRORS";
  static final String NEUTRON_LOG_EVENT = "NEUTRON_LOG_EVENT";
  static final String NEUTRON_AGENT_RESTARTS = "NEUTRON_AGENT_RESTARTS";
  static final String NEUTRON_AGENT_ERRORS = "NEUTRON_AGENT_ERRORS";
  static final String NEUTRON_AGENT_LOST_SWITCH = "NEUTRON_AGENT_LOST_SWITCH";
  static final String LOG_EVENTS_NOT_LISTED = "LOG_EVENTS_NOT_LISTED";
  static final int LISTED = 30;

  private DaemonLogEvents() {}

  /** An event of a log reduced to what a warning cites. */
  private record Cited(Instant time, String text, int line) {}

  static List<Finding> of(List<Fact> facts) {
    List<Finding> out = new ArrayList<>();
    for (Fact f : facts) {
      if (f.host().isEmpty()) {
        continue;
      }
      if (f.value() instanceof OvsdbServerLog log) {
        out.addAll(timeline(f, OVSDB_LOG_EVENT, log.dropped()));
        List<Cited> starts = cite(log.of(OvsdbServerLog.Kind.START));
        if (starts.size() > 1) {
          out.add(
              warning(
                  f,
                  OVSDB_SERVER_RESTARTS,
                  "ovsdb-server started " + starts.size() + " times",
                  starts,
                  "the switch loses its configuration source at each start: find why it"
                      + " restarted (its exit lines, the system journal, OOM kills)"));
        }
        List<Cited> errors = cite(log.of(OvsdbServerLog.Kind.ERROR));
        if (!errors.isEmpty()) {
          out.add(
              warning(
                  f,
                  OVSDB_SERVER_ERRORS,
                  errors.size() + " errors in ovsdb-server.log",
                  errors,
                  "a database that cannot write or serve leaves port changes unapplied"));
        }
      } else if (f.value() instanceof NeutronAgentLog log) {
        out.addAll(agent(f, log));
      }
    }
    return out;
  }

  private static List<Finding> agent(Fact f, NeutronAgentLog log) {
    List<Finding> out = new ArrayList<>(timeline(f, NEUTRON_LOG_EVENT, log.dropped()));
    List<Cited> starts = citeAgent(log.of(NeutronAgentLog.Kind.START));
    if (starts.size() > 1) {
      out.add(
          warning(
              f,
              NEUTRON_AGENT_RESTARTS,
              log.name() + " started " + starts.size() + " times",
              starts,
              "an agent rewires its ports and flows at each start: find why it restarted"));
    }
    List<Cited> errors = citeAgent(log.of(NeutronAgentLog.Kind.ERROR));
    if (!errors.isEmpty()) {
      out.add(
          warning(
              f,
              NEUTRON_AGENT_ERRORS,
              errors.size() + " errors in the " + log.name() + " log",
              errors,
              "port, router or DHCP changes may not be applied while the agent fails"));
    }
    List<Cited> lost = citeAgent(log.of(NeutronAgentLog.Kind.SWITCH_LOST));
    if (!lost.isEmpty()) {
      out.add(
          warning(
              f,
              NEUTRON_AGENT_LOST_SWITCH,
              log.name() + " lost its switch " + lost.size() + " times",
              lost,
              "the agent could not reach Open vSwitch: check ovs-vswitchd and ovsdb-server at"
                  + " that time"));
    }
    return out;
  }

  // each mark as an INFO line on the host's timeline: the newest LISTED, and how many were not
  private static List<Finding> timeline(Fact f, String code, int dropped) {
    List<LogMarks.Mark> marks = LogMarks.of(f);
    int from = Math.max(0, marks.size() - LISTED);
    List<Finding> out = new ArrayList<>();
    for (LogMarks.Mark m : marks.subList(from, marks.size())) {
      out.add(
          Finding.network(Severity.INFO, code, m.time() + " " + m.what(), f.origin(), m.line())
              .about("", "", f.host()));
    }
    int left = from + dropped;
    if (left > 0 && !marks.isEmpty()) {
      out.add(
          Finding.network(
                  Severity.INFO,
                  LOG_EVENTS_NOT_LISTED,
                  left
                      + " older "
                      + marks.get(0).daemon()
                      + " log events not listed (the newest "
                      + LISTED
                      + " are)",
                  f.origin(),
                  0)
              .about("", "", f.host()));
    }
    return out;
  }

  private static List<Cited> cite(List<OvsdbServerLog.LogEvent> events) {
    return events.stream()
        .map(e -> new Cited(e.time(), said(e.kind().name(), e.text(), e.version()), e.line()))
        .toList();
  }

  private static List<Cited> citeAgent(List<NeutronAgentLog.LogEvent> events) {
    return events.stream()
        .map(e -> new Cited(e.time(), said(e.kind().name(), e.text(), e.version()), e.line()))
        .toList();
  }

  // what a warning quotes of its last event: a start's version, else its text (cut to 160)
  private static String said(String kind, String text, String version) {
    if (kind.equals("START")) {
      return version.isEmpty() ? "" : "version " + version;
    }
    return text.length() > 160 ? text.substring(0, 160) + "..." : text;
  }

  private static Finding warning(
      Fact f, String code, String what, List<Cited> events, String hint) {
    Cited last = events.get(events.size() - 1);
    List<Evidence> evidence =
        events.stream()
            .skip(Math.max(0, events.size() - 10))
            .map(e -> new Evidence(f.origin(), e.line()))
            .toList();
    return Finding.network(
            Severity.WARNING,
            code,
            what
                + " on "
                + f.host()
                + ", last at "
                + last.time()
                + (last.text().isEmpty() ? "" : ": '" + last.text() + "'"),
            f.origin(),
            last.line())
        .about("", "", f.host())
        .withHint(hint, evidence);
  }
}
