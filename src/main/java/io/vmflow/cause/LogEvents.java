package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsVswitchdLog;
import io.vmflow.topology.Fact;
import java.util.ArrayList;
import java.util.List;

/**
 * The switch daemon's log as findings on its host: each event of {@code ovs-vswitchd.log} (the
 * newest {@link #LISTED}) as an INFO line with its time and evidence line, so the host page reads
 * as a timeline; repeated starts and resubmit-limit errors as warnings.
 */
final class LogEvents {

  static final String OVS_LOG_EVENT = "OVS_LOG_EVENT";
  static final String OVS_LOG_EVENTS_NOT_LISTED = "OVS_LOG_EVENTS_NOT_LISTED";
  static final String OVS_VSWITCHD_RESTARTS = "OVS_VSWITCHD_RESTARTS";
  static final String OVS_RESUBMIT_LIMIT = "OVS_RESUBMIT_LIMIT";
  static final int LISTED = 30;

  private LogEvents() {}

  static List<Finding> of(List<Fact> facts) {
    List<Finding> out = new ArrayList<>();
    for (Fact f : facts) {
      if (f.value() instanceof OvsVswitchdLog log && !f.host().isEmpty()) {
        out.addAll(timeline(f, log));
        List<OvsVswitchdLog.LogEvent> starts = log.of(OvsVswitchdLog.Kind.START);
        if (starts.size() > 1) {
          out.add(
              warning(
                  f,
                  OVS_VSWITCHD_RESTARTS,
                  "ovs-vswitchd started "
                      + starts.size()
                      + " times in "
                      + f.host()
                      + "'s log, last at "
                      + starts.get(starts.size() - 1).time()
                      + ": flows and ports are rebuilt at each start, traffic may stop meanwhile",
                  starts,
                  "find why it restarted (its exit lines, the system journal, OOM kills)"));
        }
        List<OvsVswitchdLog.LogEvent> loops = log.of(OvsVswitchdLog.Kind.RESUBMIT_LIMIT);
        if (!loops.isEmpty()) {
          out.add(
              warning(
                  f,
                  OVS_RESUBMIT_LIMIT,
                  loops.size()
                      + " resubmit-limit errors in "
                      + f.host()
                      + "'s ovs-vswitchd log, last at "
                      + loops.get(loops.size() - 1).time()
                      + ": '"
                      + loops.get(loops.size() - 1).text()
                      + "'; packets hitting that pipeline are dropped",
                  loops,
                  "look for a resubmit loop in the flow tables (ofproto/trace a packet)"));
        }
      }
    }
    return out;
  }

  private static List<Finding> timeline(Fact f, OvsVswitchdLog log) {
    List<Finding> out = new ArrayList<>();
    List<OvsVswitchdLog.LogEvent> events = log.events();
    int from = Math.max(0, events.size() - LISTED);
    for (OvsVswitchdLog.LogEvent e : events.subList(from, events.size())) {
      String what =
          e.kind() == OvsVswitchdLog.Kind.START
              ? "ovs-vswitchd started"
                  + (e.version().isEmpty() ? "" : " (Open vSwitch " + e.version() + ")")
              : e.level() + " " + e.module() + ": " + e.text();
      out.add(
          Finding.network(Severity.INFO, OVS_LOG_EVENT, e.time() + " " + what, f.origin(), e.line())
              .about("", "", f.host()));
    }
    int left = from + log.dropped();
    if (left > 0) {
      out.add(
          Finding.network(
                  Severity.INFO,
                  OVS_LOG_EVENTS_NOT_LISTED,
                  left
                      + " older ovs-vswitchd log events not listed (the newest "
                      + LISTED
                      + " are)",
                  f.origin(),
                  0)
              .about("", "", f.host()));
    }
    return out;
  }

  private static Finding warning(
      Fact f, String code, String message, List<OvsVswitchdLog.LogEvent> events, String hint) {
    OvsVswitchdLog.LogEvent last = events.get(events.size() - 1);
    List<Evidence> evidence =
        events.stream()
            .skip(Math.max(0, events.size() - 10))
            .map(e -> new Evidence(f.origin(), e.line()))
            .toList();
    return Finding.network(Severity.WARNING, code, message, f.origin(), last.line())
        .about("", "", f.host())
        .withHint(hint, evidence);
  }
}
