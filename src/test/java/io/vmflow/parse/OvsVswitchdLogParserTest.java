package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ovs-vswitchd.log: events with their time and line, no false errors on start-up lines. */
class OvsVswitchdLogParserTest {

  private static Parsed<OvsVswitchdLog> parse(String name) {
    return new OvsVswitchdLogParser()
        .parse(Fixtures.file(Spec.OVS_VSWITCHD_LOG, "ovs_vswitchd_log", name, ""));
  }

  @Test
  void docSampleIsOneStartWithItsVersionAndNothingElse() {
    Parsed<OvsVswitchdLog> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsVswitchdLog log = p.value().orElseThrow();
    assertThat(log.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(OvsVswitchdLog.Kind.START);
              assertThat(e.version()).isEqualTo("2.5.0");
              assertThat(e.time()).isEqualTo(Instant.parse("2016-01-22T08:58:33.386Z"));
              assertThat(e.line()).isEqualTo(6);
            });
  }

  @Test
  void realRestartIsTwoStartsAndNormalLinesAreNoEvents() {
    OvsVswitchdLog log = parse("lab_two_starts.txt").value().orElseThrow();
    List<OvsVswitchdLog.LogEvent> starts = log.of(OvsVswitchdLog.Kind.START);
    assertThat(starts).hasSize(2);
    assertThat(starts).extracting(OvsVswitchdLog.LogEvent::version).containsOnly("3.1.0");
    assertThat(starts.get(0).line()).isEqualTo(1);
    assertThat(starts.get(1).time()).isEqualTo(Instant.parse("2026-12-01T18:35:55.391Z"));
    assertThat(log.of(OvsVswitchdLog.Kind.DEVICE_OPEN_FAILED))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.text()).contains("nosuchdev0"));
    // "1 flow_mods in the last 0 s (1 adds)" is INFO: no flow-mod error
    assertThat(log.of(OvsVswitchdLog.Kind.FLOW_MOD_ERROR)).isEmpty();
    assertThat(log.of(OvsVswitchdLog.Kind.RESUBMIT_LIMIT)).isEmpty();
  }

  @Test
  void longPollIsAnEvent() {
    OvsVswitchdLog log = parse("dpdk_long_poll.txt").value().orElseThrow();
    assertThat(log.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.kind()).isEqualTo(OvsVswitchdLog.Kind.LONG_POLL);
              assertThat(e.time()).isEqualTo(Instant.parse("2018-08-30T07:33:57Z"));
              assertThat(e.line()).isEqualTo(2);
            });
  }

  @Test
  void resubmitLoopAndFlowModErrorsAreEvents() {
    OvsVswitchdLog log =
        new OvsVswitchdLogParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_VSWITCHD_LOG,
                    "",
                    "2020-01-01T00:00:01.000Z|00100|ofproto_dpif_xlate|ERR|resubmit actions"
                        + " recursed over 64 times",
                    "2020-01-01T00:00:02.000Z|00101|connmgr|WARN|br-int<->unix#3: flow_mod"
                        + " failed (OFPBAC_BAD_OUT_PORT)",
                    "2020-01-01T00:00:03.000Z|00102|bridge|WARN|port qvo1 already exists"))
            .value()
            .orElseThrow();
    assertThat(log.events())
        .extracting(OvsVswitchdLog.LogEvent::kind)
        .containsExactly(
            OvsVswitchdLog.Kind.RESUBMIT_LIMIT,
            OvsVswitchdLog.Kind.FLOW_MOD_ERROR,
            OvsVswitchdLog.Kind.ALREADY_EXISTS);
  }

  @Test
  void eventsAreBoundedAndTheBoundIsAFinding() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < OvsVswitchdLogParser.MAX_EVENTS + 7; i++) {
      lines.add(
          String.format(
              "2020-01-01T00:00:%02d.000Z|%05d|timeval|WARN|Unreasonably long 2000ms poll interval"
                  + " (1ms user, 2ms system)",
              i % 60, i + 2));
    }
    lines.add("x".repeat(100_000));
    Parsed<OvsVswitchdLog> p =
        new OvsVswitchdLogParser()
            .parse(Fixtures.text(Spec.OVS_VSWITCHD_LOG, "", lines.toArray(String[]::new)));
    assertThat(p.value().orElseThrow().events()).hasSize(OvsVswitchdLogParser.MAX_EVENTS);
    assertThat(p.value().orElseThrow().dropped()).isEqualTo(7);
    assertThat(p.value().orElseThrow().events().get(0).line()).isEqualTo(8);
    // the 100,000-character line is cut, and said
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly("LOG_LINES_CUT", "LOG_EVENTS_CAPPED");
  }
}
