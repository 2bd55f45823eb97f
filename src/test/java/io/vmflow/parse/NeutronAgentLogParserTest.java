package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Neutron agent logs: starts with their version, errors (one per traceback), resyncs and a lost
 * switch with their time; a healthy start-up and rpc_loop lines are no event.
 */
class NeutronAgentLogParserTest {

  private static NeutronAgentLog parse(String name, String subject) {
    Parsed<NeutronAgentLog> p =
        new NeutronAgentLogParser()
            .parse(Fixtures.file(Spec.NEUTRON_AGENT_LOG, "neutron_agent_log", name, subject));
    assertThat(p.findings()).isEmpty();
    return p.value().orElseThrow();
  }

  @Test
  void docSampleIsAnErrorAFullSyncARestartAndAnotherSync() {
    NeutronAgentLog log = parse("doc.txt", "l3-agent");
    assertThat(log.agent()).isEqualTo("l3-agent");
    assertThat(log.events())
        .extracting(NeutronAgentLog.LogEvent::kind)
        .containsExactly(
            NeutronAgentLog.Kind.ERROR,
            NeutronAgentLog.Kind.RESYNC,
            NeutronAgentLog.Kind.START,
            NeutronAgentLog.Kind.RESYNC);
    NeutronAgentLog.LogEvent error = log.events().get(0);
    assertThat(error.text()).startsWith("MessagingTimeout: Timed out waiting for a reply");
    assertThat(error.lines()).isEqualTo(2);
    assertThat(error.time()).isEqualTo(Instant.parse("2016-11-03T12:13:07.391Z"));
    NeutronAgentLog.LogEvent start = log.events().get(2);
    assertThat(start.version()).isEqualTo("8.2.0");
    assertThat(start.line()).isEqualTo(5);
    assertThat(log.events().get(1).text())
        .isEqualTo("Agent has just been revived. Doing a full sync.");
  }

  @Test
  void aTracebackIsOneErrorNamedByItsExceptionAndTheAgentComesFromTheVersionLine() {
    NeutronAgentLog log = parse("dhcp_agent_restart.txt", "");
    assertThat(log.agent()).isEqualTo("dhcp-agent");
    assertThat(log.of(NeutronAgentLog.Kind.ERROR))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.lines()).isEqualTo(5);
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.text()).startsWith("MessagingTimeout");
            });
    assertThat(log.of(NeutronAgentLog.Kind.START)).singleElement();
    // "Scheduling full sync" and each "Synchronizing state", not "Synchronizing state complete"
    assertThat(log.of(NeutronAgentLog.Kind.RESYNC)).hasSize(6);
  }

  @Test
  void journalLinesGiveTheLostSwitchAndOneErrorPerMessage() {
    NeutronAgentLog log = parse("ovs_agent_journal.txt", "openvswitch-agent");
    assertThat(log.of(NeutronAgentLog.Kind.SWITCH_LOST))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.text()).startsWith("OVS is dead."));
    List<NeutronAgentLog.LogEvent> errors = log.of(NeutronAgentLog.Kind.ERROR);
    assertThat(errors).extracting(NeutronAgentLog.LogEvent::line).containsExactly(4, 5);
    assertThat(errors.get(1).text()).startsWith("Failed to communicate with the switch");
    assertThat(errors.get(1).lines()).isEqualTo(27);
    assertThat(errors.get(1).time()).isEqualTo(Instant.parse("2021-03-03T19:47:29.078Z"));
  }

  @Test
  void healthyStartUpAndRpcLoopLinesAreOnlyTheStart() {
    NeutronAgentLog start = parse("insights_ovs_agent_start.txt", "");
    assertThat(start.agent()).isEqualTo("openvswitch-agent");
    assertThat(start.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(NeutronAgentLog.Kind.START);
              assertThat(e.version()).isEqualTo("9.1.0");
            });
    assertThat(parse("hotsos_rpc_loop.txt", "openvswitch-agent").events()).isEmpty();
  }

  @Test
  void anOverlongLineIsCutAndSaid() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "2016-11-03 12:13:07.391 27256 ERROR neutron.agent.l3.agent "
            + "y".repeat(LogBounds.MAX_LINE));
    Parsed<NeutronAgentLog> p =
        new NeutronAgentLogParser()
            .parse(new SourceText(Spec.NEUTRON_AGENT_LOG, "l3-agent.log", lines));
    assertThat(p.value().orElseThrow().events())
        .singleElement()
        .satisfies(e -> assertThat(e.text()).hasSize(LogBounds.MAX_TEXT + 3));
    assertThat(p.findings()).extracting(Finding::code).containsExactly(LogBounds.LOG_LINES_CUT);
  }
}
