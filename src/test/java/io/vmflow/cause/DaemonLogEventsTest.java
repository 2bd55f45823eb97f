package io.vmflow.cause;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.OvsdbServerLog;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ovsdb-server and neutron agent logs on the host's timeline: a healthy start-up stays INFO;
 * errors, repeated starts and a lost switch are warnings with their time and evidence.
 */
class DaemonLogEventsTest {

  /** A real fixture parsed by its registered parser, as a fact of compute-a. */
  static Fact fixture(Spec spec, String file, String subject) throws Exception {
    Path p = Path.of("src/test/resources/fixtures", spec.id(), file);
    CommandParser<?> parser = ParserRegistry.parserFor(spec).orElseThrow();
    var value =
        parser
            .parse(new SourceText(spec, p.toString(), 1, subject, Files.readAllLines(p)))
            .value()
            .orElseThrow();
    return new Fact(LabFacts.A, spec, p.toString(), subject, value);
  }

  @Test
  void aHealthyNodesStartUpLinesRaiseNothingAboveInfo() throws Exception {
    List<Finding> f =
        DaemonLogEvents.of(
            List.of(
                fixture(Spec.OVSDB_SERVER_LOG, "doc.txt", ""),
                fixture(Spec.OVSDB_SERVER_LOG, "hotsos_healthy.txt", ""),
                fixture(Spec.NEUTRON_AGENT_LOG, "insights_ovs_agent_start.txt", ""),
                fixture(Spec.NEUTRON_AGENT_LOG, "hotsos_rpc_loop.txt", "openvswitch-agent")));
    assertThat(f).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.INFO));
    assertThat(f)
        .extracting(Finding::message)
        .containsExactly(
            "2017-03-12T11:56:54.989Z ovsdb-server started (Open vSwitch 2.4.0)",
            "2016-11-09T14:39:25.343Z neutron openvswitch-agent started (9.1.0)");
  }

  @Test
  void agentErrorsAreAWarningAndEveryEventIsOnTheTimelineWithItsTime() throws Exception {
    List<Finding> f =
        DaemonLogEvents.of(List.of(fixture(Spec.NEUTRON_AGENT_LOG, "doc.txt", "l3-agent")));
    assertThat(f)
        .filteredOn(x -> x.severity() != Severity.INFO)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo(DaemonLogEvents.NEUTRON_AGENT_ERRORS);
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.hostKey()).isEqualTo(LabFacts.A);
              assertThat(x.message())
                  .contains("1 errors in the neutron l3-agent log", "2016-11-03T12:13:07.391Z")
                  .contains("MessagingTimeout");
              assertThat(x.line()).isEqualTo(1);
            });
    assertThat(f)
        .filteredOn(x -> x.code().equals(DaemonLogEvents.NEUTRON_LOG_EVENT))
        .extracting(Finding::message)
        .containsExactly(
            "2016-11-03T12:13:07.391Z neutron l3-agent ERROR neutron.agent.l3.agent:"
                + " MessagingTimeout: Timed out waiting for a reply to message ID"
                + " 899c792a3b56449fa1e9d276d42a1324 (2 lines)",
            "2016-11-03T12:13:07.544Z neutron l3-agent resync: Agent has just been revived."
                + " Doing a full sync.",
            "2016-11-03T14:26:51.857Z neutron l3-agent started (8.2.0)",
            "2016-11-03T14:26:52.106Z neutron l3-agent resync: Agent has just been revived."
                + " Doing a full sync.");
  }

  @Test
  void anAgentThatLostItsSwitchIsAWarning() throws Exception {
    List<Finding> f =
        DaemonLogEvents.of(
            List.of(fixture(Spec.NEUTRON_AGENT_LOG, "ovs_agent_journal.txt", "openvswitch-agent")));
    assertThat(f)
        .filteredOn(x -> x.code().equals(DaemonLogEvents.NEUTRON_AGENT_LOST_SWITCH))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.message()).contains("lost its switch 2 times", "OVS is dead");
              assertThat(x.evidence()).hasSize(2);
            });
    assertThat(f).anyMatch(x -> x.code().equals(DaemonLogEvents.NEUTRON_AGENT_ERRORS));
  }

  @Test
  void repeatedDatabaseStartsAndItsErrorsAreWarnings() throws Exception {
    OvsdbServerLog twice =
        new OvsdbServerLog(
            List.of(
                new OvsdbServerLog.LogEvent(
                    Instant.parse("2026-12-01T18:00:00Z"),
                    OvsdbServerLog.Kind.START,
                    "INFO",
                    "vlog",
                    "opened log file",
                    "3.1.0",
                    1),
                new OvsdbServerLog.LogEvent(
                    Instant.parse("2026-12-01T19:00:00Z"),
                    OvsdbServerLog.Kind.START,
                    "INFO",
                    "vlog",
                    "opened log file",
                    "3.1.0",
                    9)),
            0);
    Fact restarted = new Fact(LabFacts.A, Spec.OVSDB_SERVER_LOG, "ovsdb-server.log", "", twice);
    assertThat(DaemonLogEvents.of(List.of(restarted)))
        .filteredOn(x -> x.severity() == Severity.WARNING)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo(DaemonLogEvents.OVSDB_SERVER_RESTARTS);
              assertThat(x.message()).contains("started 2 times", "2026-12-01T19:00:00Z");
              assertThat(x.line()).isEqualTo(9);
            });
    assertThat(
            DaemonLogEvents.of(
                List.of(fixture(Spec.OVSDB_SERVER_LOG, "kubeovn_disk_full.txt", ""))))
        .filteredOn(x -> x.severity() == Severity.WARNING)
        .extracting(Finding::code)
        .containsExactly(DaemonLogEvents.OVSDB_SERVER_ERRORS);
  }

  @Test
  void aRealDatabaseRestartIsAWarningNamingTheLastStart() throws Exception {
    assertThat(
            DaemonLogEvents.of(List.of(fixture(Spec.OVSDB_SERVER_LOG, "lab_two_starts.txt", ""))))
        .filteredOn(x -> x.severity() == Severity.WARNING)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.code()).isEqualTo(DaemonLogEvents.OVSDB_SERVER_RESTARTS);
              assertThat(x.message()).contains("started 2 times", "2026-12-02T01:13:39.458Z");
              assertThat(x.line()).isEqualTo(4);
            });
  }
}
