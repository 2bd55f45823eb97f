package io.vmflow.cause;

import static io.vmflow.cause.CounterCausesTest.AFTER;
import static io.vmflow.cause.CounterCausesTest.BEFORE;
import static io.vmflow.cause.LabFacts.A;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.parse.DateOutput;
import io.vmflow.parse.NeutronAgentLog;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The neutron agents' local-time logs put on UTC with the host's offset from date and date --utc,
 * so that an agent resync during the pings on a host in UTC+8 is found inside the capture.
 */
class HostClocksTest {

  private static final LocalDateTime UTC_NOW = LocalDateTime.of(1970, 1, 1, 0, 0, 30);

  static Fact date(String host, Spec spec, LocalDateTime wall, String zone) {
    String name = spec == Spec.DATE_UTC ? "date_--utc" : "date";
    return new Fact(
        host, spec, "b.tar.gz!/sos_commands/date/" + name, "", new DateOutput(wall, zone, 1));
  }

  // the port agent's resync, 4 s after the epoch in UTC, as a host in UTC+8 logs it: 08:00:04
  private static Fact resyncLoggedInShanghai() {
    return CaptureWindowEventsTest.agentLog(
        "openvswitch-agent", NeutronAgentLog.Kind.RESYNC, 4000 + 8 * 3_600_000L, 12);
  }

  private static List<Fact> window(Fact... more) {
    List<Fact> facts =
        new ArrayList<>(
            List.of(CounterCausesTest.ipLink(BEFORE, 0, 0), CounterCausesTest.ipLink(AFTER, 0, 0)));
    facts.addAll(List.of(more));
    return facts;
  }

  private static List<Finding> explain(List<Fact> facts) {
    return Causes.explain(LabFacts.topology(), facts, List.of(), List.of()).findings();
  }

  @Test
  void dateAgainstDateUtcGivesTheOffsetAndTheResyncFallsInsideTheCapture() {
    List<Fact> facts =
        window(
            date(A, Spec.DATE, UTC_NOW.plusHours(8), "CST"),
            date(A, Spec.DATE_UTC, UTC_NOW.plusSeconds(1), "UTC"),
            resyncLoggedInShanghai());
    HostClocks clocks = HostClocks.of(facts);
    assertThat(clocks.of("COMPUTE-A").orElseThrow().offset()).isEqualTo(ZoneOffset.ofHours(8));

    List<Finding> found = explain(facts);
    assertThat(found)
        .filteredOn(f -> f.code().equals(CaptureWindowEvents.SWITCH_EVENT_IN_CAPTURE))
        .extracting(Finding::message)
        .isNotEmpty()
        .allMatch(m -> m.contains("1970-01-01T00:00:04Z") && m.contains("resync"));
    assertThat(found)
        .filteredOn(f -> f.code().equals(HostClocks.LOG_TIMES_LOCAL))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("compute-a", "UTC+08:00", "CST");
              assertThat(f.origin()).endsWith("sos_commands/date/date");
            });
  }

  @Test
  void withoutTheHostsClockTheResyncStaysEightHoursOffAndTheReportSaysWhy() {
    List<Finding> found = explain(window(resyncLoggedInShanghai()));
    assertThat(found)
        .extracting(Finding::code)
        .doesNotContain(CaptureWindowEvents.SWITCH_EVENT_IN_CAPTURE)
        .contains(HostClocks.LOG_ZONE_UNKNOWN);
    // date alone with an abbreviation: CST could be +08 or -06
    List<Finding> abbreviated =
        explain(window(date(A, Spec.DATE, UTC_NOW.plusHours(8), "CST"), resyncLoggedInShanghai()));
    assertThat(abbreviated)
        .filteredOn(f -> f.code().equals(HostClocks.LOG_ZONE_UNKNOWN))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("'CST'", "no date --utc"));
  }

  @Test
  void aNumericZoneOrUtcSaysTheOffsetAlone() {
    assertThat(
            HostClocks.of(List.of(date(A, Spec.DATE, UTC_NOW.plusHours(8), "+08")))
                .of(A)
                .orElseThrow()
                .offset())
        .isEqualTo(ZoneOffset.ofHours(8));
    // a host kept in UTC: nothing moves and nothing is said
    List<Fact> utc = window(date(A, Spec.DATE, UTC_NOW, "UTC"), resyncLoggedInShanghai());
    HostClocks clocks = HostClocks.of(utc);
    assertThat(clocks.of(A).orElseThrow().offset()).isEqualTo(ZoneOffset.UTC);
    assertThat(clocks.onUtc(utc)).isEqualTo(utc);
    assertThat(clocks.findings(utc)).isEmpty();
  }

  @Test
  void halfHourZonesKeepTheirHalfHourAndAnotherHostsClockIsNotBorrowed() {
    List<Fact> facts =
        List.of(
            date(A, Spec.DATE, UTC_NOW.plusMinutes(330).plusSeconds(2), "IST"),
            date(A, Spec.DATE_UTC, UTC_NOW, "UTC"),
            date("compute-b", Spec.DATE_UTC, UTC_NOW, "UTC"),
            resyncLoggedInShanghai());
    HostClocks clocks = HostClocks.of(facts);
    assertThat(clocks.of(A).orElseThrow().offset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
    assertThat(clocks.of("compute-b")).isEmpty();
    NeutronAgentLog moved = (NeutronAgentLog) clocks.onUtc(facts).get(3).value();
    assertThat(moved.events().get(0).time())
        .isEqualTo(Instant.ofEpochMilli(4000 + 8 * 3_600_000L - 330 * 60_000L));
  }
}
