package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OvsAppctlFdbStatsShowParserTest {

  private static Parsed<OvsAppctlFdbStatsShow> parse(String name) {
    return new OvsAppctlFdbStatsShowParser()
        .parse(
            Fixtures.file(
                Spec.OVS_APPCTL_FDB_STATS_SHOW, "ovs_appctl_fdb_stats_show", name, "br-x"));
  }

  @Test
  void docSampleKeepsSizeLimitAndTotals() {
    Parsed<OvsAppctlFdbStatsShow> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsAppctlFdbStatsShow s = p.value().orElseThrow();
    assertThat(s.bridge()).isEqualTo("br-int");
    assertThat(s.current()).isEqualTo(12);
    assertThat(s.maximum()).isEqualTo(50000);
    assertThat(s.learned()).isEqualTo(21);
    assertThat(s.expired()).isEqualTo(3);
    assertThat(s.evicted()).isZero();
    assertThat(s.moved()).isEqualTo(1);
    assertThat(s.line()).isEqualTo(2);
    assertThat(s.isFull()).isFalse();
  }

  @Test
  void aWrappingTableIsFullWithItsEvictions() {
    OvsAppctlFdbStatsShow s = parse("hotsos_fdb_wrapping_br-ex.txt").value().orElseThrow();
    assertThat(s.isFull()).isTrue();
    assertThat(s.evicted()).isEqualTo(404725165L);
    assertThat(s.evictedLine()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hotsos_sunbeam_br-int.txt", "lab_br-int.txt"})
  void realOutputsWithAStaticLineParseWithoutFindings(String name) {
    assertThat(parse(name).findings()).isEmpty();
  }

  @Test
  void withoutTheSizeLineItIsNoData() {
    Parsed<OvsAppctlFdbStatsShow> p =
        new OvsAppctlFdbStatsShowParser()
            .parse(Fixtures.text(Spec.OVS_APPCTL_FDB_STATS_SHOW, "br-int", "bogus"));
    assertThat(p.value()).isEmpty();
    assertThat(p.findings()).extracting(f -> f.code()).containsExactly(ParseFindings.NO_DATA);
  }
}
