package io.vmflow.cause;

import static io.vmflow.cause.CounterCausesTest.AFTER;
import static io.vmflow.cause.CounterCausesTest.BEFORE;
import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.B;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.NeutronAgentLog;
import io.vmflow.parse.OvsVswitchdLog;
import io.vmflow.parse.OvsdbServerLog;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Switch log events that fell inside a capture, on the VMs whose path crosses that host. */
class CaptureWindowEventsTest {

  static Fact log(String host, OvsVswitchdLog.LogEvent... events) {
    return new Fact(
        host,
        Spec.OVS_VSWITCHD_LOG,
        "b.tar.gz!/var/log/openvswitch/ovs-vswitchd.log",
        "",
        new OvsVswitchdLog(List.of(events), 0));
  }

  static OvsVswitchdLog.LogEvent start(long ms, int line) {
    return new OvsVswitchdLog.LogEvent(
        Instant.ofEpochMilli(ms),
        OvsVswitchdLog.Kind.START,
        "INFO",
        "ovs_vswitchd",
        "ovs-vswitchd (Open vSwitch) 3.1.0",
        "3.1.0",
        line);
  }

  static List<Finding> of(Fact... facts) {
    return CaptureWindowEvents.of(LabFacts.topology(), List.of(facts));
  }

  @Test
  void aRestartInsideTheCaptureIsSaidForTheVmsOnThatHostWithItsTime() {
    // the collector read compute-a's counters at 1.0 s and 13.4 s: its capture ran between them
    List<Finding> found =
        of(
            CounterCausesTest.ipLink(BEFORE, 0, 0),
            CounterCausesTest.ipLink(AFTER, 0, 0),
            log(A, start(500, 3), start(5200, 40), start(20_000, 90)));
    assertThat(found).extracting(Finding::vmId).containsExactlyInAnyOrder("vm1-id", "vm2-id");
    assertThat(found)
        .allSatisfy(
            f -> {
              assertThat(f.code()).isEqualTo(CaptureWindowEvents.SWITCH_EVENT_IN_CAPTURE);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.line()).isEqualTo(40);
              assertThat(f.message())
                  .contains("compute-a", "4.2 s in", "1970-01-01T00:00:05.200Z", "started");
            });
  }

  @Test
  void anotherHostsLogOrNoWindowSaysNothing() {
    assertThat(
            of(
                CounterCausesTest.ipLink(BEFORE, 0, 0),
                CounterCausesTest.ipLink(AFTER, 0, 0),
                log(B, start(5200, 40))))
        .isEmpty();
    assertThat(of(log(A, start(5200, 40)))).isEmpty();
  }

  static Fact agentLog(String agent, NeutronAgentLog.Kind kind, long ms, int line) {
    return new Fact(
        A,
        Spec.NEUTRON_AGENT_LOG,
        "b.tar.gz!/var/log/neutron/" + agent + ".log",
        agent,
        new NeutronAgentLog(
            agent,
            List.of(
                new NeutronAgentLog.LogEvent(
                    Instant.ofEpochMilli(ms),
                    kind,
                    "INFO",
                    "neutron.agent",
                    "Agent out of sync with plugin!",
                    "",
                    1,
                    line)),
            0));
  }

  @Test
  void aDatabaseStartOrThePortAgentsResyncInsideTheCaptureIsAWarning() {
    Fact db =
        new Fact(
            A,
            Spec.OVSDB_SERVER_LOG,
            "b.tar.gz!/var/log/openvswitch/ovsdb-server.log",
            "",
            new OvsdbServerLog(
                List.of(
                    new OvsdbServerLog.LogEvent(
                        Instant.ofEpochMilli(3000),
                        OvsdbServerLog.Kind.START,
                        "INFO",
                        "vlog",
                        "opened log file",
                        "3.1.0",
                        7)),
                0));
    List<Finding> found =
        of(
            CounterCausesTest.ipLink(BEFORE, 0, 0),
            CounterCausesTest.ipLink(AFTER, 0, 0),
            db,
            agentLog("openvswitch-agent", NeutronAgentLog.Kind.RESYNC, 4000, 12));
    assertThat(found)
        .hasSize(4)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    assertThat(found)
        .extracting(Finding::message)
        .anyMatch(m -> m.contains("2.0 s in") && m.contains("ovsdb-server started"))
        .anyMatch(m -> m.contains("neutron openvswitch-agent resync"));
  }

  @Test
  void anotherAgentsResyncOrAnAgentErrorInsideTheCaptureIsInfo() {
    List<Finding> found =
        of(
            CounterCausesTest.ipLink(BEFORE, 0, 0),
            CounterCausesTest.ipLink(AFTER, 0, 0),
            agentLog("dhcp-agent", NeutronAgentLog.Kind.RESYNC, 4000, 12),
            agentLog("openvswitch-agent", NeutronAgentLog.Kind.ERROR, 5000, 20),
            agentLog("openvswitch-agent", NeutronAgentLog.Kind.RESYNC, 60_000, 30));
    assertThat(found)
        .hasSize(4)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
        .extracting(Finding::line)
        .containsOnly(12, 20);
  }

  @Test
  void aRealDatabaseRestartDuringTheCaptureIsAWarningAndTheHealthyFirstStartBeforeItIsNot()
      throws Exception {
    // the lab log's starts: 01:13:36.136 and 01:13:39.458; the capture ran 01:13:38 to 01:13:45
    long from = java.time.Instant.parse("2026-12-02T01:13:38Z").toEpochMilli();
    long to = java.time.Instant.parse("2026-12-02T01:13:45Z").toEpochMilli();
    String at = "a.tar.gz!/vmflow-compute-a-1Z/sos_commands/counters/";
    List<Finding> found =
        of(
            CounterCausesTest.ipLink(at + "before-" + from, 0, 0),
            CounterCausesTest.ipLink(at + "after-" + to, 0, 0),
            DaemonLogEventsTest.fixture(Spec.OVSDB_SERVER_LOG, "lab_two_starts.txt", ""));
    assertThat(found)
        .hasSize(2)
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.line()).isEqualTo(4);
              assertThat(f.message())
                  .contains("1.5 s in", "ovsdb-server started (Open vSwitch 3.1.0)");
            });
  }
}
