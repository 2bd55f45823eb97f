package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OvsAppctlCoverageShowParserTest {

  private static Parsed<OvsAppctlCoverageShow> parse(String name) {
    return new OvsAppctlCoverageShowParser()
        .parse(Fixtures.file(Spec.OVS_APPCTL_COVERAGE_SHOW, "ovs_appctl_coverage_show", name, ""));
  }

  @Test
  void docSampleKeepsRatesAndTotals() {
    Parsed<OvsAppctlCoverageShow> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsAppctlCoverageShow c = p.value().orElseThrow();
    assertThat(c.events()).hasSize(2);
    OvsAppctlCoverageShow.Event e = c.event("bridge_reconfigure").orElseThrow();
    assertThat(e.total()).isEqualTo(129);
    assertThat(e.perSecondLastMinute()).isEqualTo(0.05);
    assertThat(e.perSecondLastHour()).isEqualTo(0.0169);
    assertThat(e.line()).isEqualTo(2);
    assertThat(c.drops()).isEmpty();
  }

  @Test
  void dropCountersOfARealSwitchAreKeptWithTheirRates() {
    OvsAppctlCoverageShow c = parse("dummy_drops.txt").value().orElseThrow();
    assertThat(c.drops())
        .extracting(OvsAppctlCoverageShow.Event::name)
        .containsExactly("drop_action_of_pipeline", "drop_action_recursion_too_deep");
    assertThat(c.drops()).allSatisfy(d -> assertThat(d.total()).isEqualTo(3));
    assertThat(c.drops()).allSatisfy(d -> assertThat(d.isRecent()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hotsos_openstack.txt", "hotsos_sunbeam.txt", "lab_compute-a.txt"})
  void realOutputsParseWithoutFindings(String name) {
    Parsed<OvsAppctlCoverageShow> p = parse(name);
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().events()).isNotEmpty();
  }

  @Test
  void aGarbledLineIsAFinding() {
    Parsed<OvsAppctlCoverageShow> p =
        new OvsAppctlCoverageShowParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_APPCTL_COVERAGE_SHOW,
                    "",
                    "Event coverage, avg rate over last: 5 seconds, last minute, last hour,",
                    "datapath_drop_upcall_error   0.0/sec   0.000/sec   0.0000/sec   total: 4",
                    "garbled"));
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly(ParseFindings.UNRECOGNISED_LINE);
    assertThat(p.value().orElseThrow().drops().get(0).isRecent()).isFalse();
  }
}
