package io.vmflow.cause;

import io.vmflow.parse.NeutronAgentLog;
import io.vmflow.parse.OvsVswitchdLog;
import io.vmflow.parse.OvsdbServerLog;
import io.vmflow.topology.Fact;
import java.time.Instant;
import java.util.List;

/**
 * The events of every daemon log the dump holds (ovs-vswitchd, ovsdb-server, neutron agents) in one
 * shape, so that timelines and capture windows read them alike.
 */
final class LogMarks {

  /**
   * One log event.
   *
   * @param daemon who wrote it: {@code ovs-vswitchd}, {@code ovsdb-server}, {@code neutron
   *     openvswitch-agent}
   * @param what what happened, as a timeline says it ({@code ovs-vswitchd started (Open vSwitch
   *     3.1.0)}, {@code ERROR raft: I/O error ...})
   * @param hurts whether pings crossing that host around that time may die of it (a switch or
   *     database start, a resubmit loop, the port agent's restart, resync or lost switch)
   */
  record Mark(Fact fact, String daemon, Instant time, String what, boolean hurts, int line) {}

  private LogMarks() {}

  /** The marks of a log fact, oldest first; none for any other fact. */
  static List<Mark> of(Fact f) {
    if (f.value() instanceof OvsVswitchdLog log) {
      return log.events().stream().map(e -> vswitchd(f, e)).toList();
    }
    if (f.value() instanceof OvsdbServerLog log) {
      return log.events().stream().map(e -> ovsdb(f, e)).toList();
    }
    if (f.value() instanceof NeutronAgentLog log) {
      return log.events().stream().map(e -> agent(f, log, e)).toList();
    }
    return List.of();
  }

  private static Mark vswitchd(Fact f, OvsVswitchdLog.LogEvent e) {
    boolean start = e.kind() == OvsVswitchdLog.Kind.START;
    String what =
        start
            ? "ovs-vswitchd started" + version(e.version())
            : e.level() + " " + e.module() + ": " + e.text();
    boolean hurts = start || e.kind() == OvsVswitchdLog.Kind.RESUBMIT_LIMIT;
    return new Mark(f, "ovs-vswitchd", e.time(), what, hurts, e.line());
  }

  private static Mark ovsdb(Fact f, OvsdbServerLog.LogEvent e) {
    boolean start = e.kind() == OvsdbServerLog.Kind.START;
    String what =
        start
            ? "ovsdb-server started" + version(e.version())
            : e.level() + " " + e.module() + ": " + e.text();
    return new Mark(f, "ovsdb-server", e.time(), what, start, e.line());
  }

  private static Mark agent(Fact f, NeutronAgentLog log, NeutronAgentLog.LogEvent e) {
    String what =
        switch (e.kind()) {
          case START ->
              log.name() + " started" + (e.version().isEmpty() ? "" : " (" + e.version() + ")");
          case ERROR ->
              log.name()
                  + " "
                  + e.level()
                  + " "
                  + e.module()
                  + ": "
                  + e.text()
                  + (e.lines() > 1 ? " (" + e.lines() + " lines)" : "");
          case RESYNC -> log.name() + " resync: " + e.text();
          case SWITCH_LOST -> log.name() + " lost its switch: " + e.text();
        };
    // the agents that wire VM ports into the switch: their restarts and resyncs rewrite flows
    boolean wires =
        log.agent().equals("openvswitch-agent") || log.agent().equals("linuxbridge-agent");
    boolean hurts =
        e.kind() == NeutronAgentLog.Kind.SWITCH_LOST
            || (wires
                && (e.kind() == NeutronAgentLog.Kind.START
                    || e.kind() == NeutronAgentLog.Kind.RESYNC));
    return new Mark(f, log.name(), e.time(), what, hurts, e.line());
  }

  private static String version(String v) {
    return v.isEmpty() ? "" : " (Open vSwitch " + v + ")";
  }
}
