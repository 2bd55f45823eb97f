package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OvsAppctlUpcallShowParserTest {

  private static Parsed<OvsAppctlUpcallShow> parse(String name) {
    return new OvsAppctlUpcallShowParser()
        .parse(Fixtures.file(Spec.OVS_APPCTL_UPCALL_SHOW, "ovs_appctl_upcall_show", name, ""));
  }

  @Test
  void docSampleKeepsFlowsLimitAndDumpDuration() {
    Parsed<OvsAppctlUpcallShow> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsAppctlUpcallShow.Datapath dp = p.value().orElseThrow().datapaths().get(0);
    assertThat(dp.name()).isEqualTo("system@ovs-system");
    assertThat(dp.current()).isEqualTo(7);
    assertThat(dp.average()).isEqualTo(6);
    assertThat(dp.max()).isEqualTo(24);
    assertThat(dp.limit()).isEqualTo(23000);
    assertThat(dp.dumpMillis()).isEqualTo(1);
    assertThat(dp.line()).isEqualTo(2);
    assertThat(dp.reachedLimit()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"hotsos_sunbeam.txt", "lab_netdev.txt", "dummy.txt"})
  void realOutputsParseWithoutFindings(String name) {
    Parsed<OvsAppctlUpcallShow> p = parse(name);
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().datapaths()).hasSize(1);
  }

  @Test
  void aDatapathAtItsLimitReachedIt() {
    Parsed<OvsAppctlUpcallShow> p =
        new OvsAppctlUpcallShowParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_APPCTL_UPCALL_SHOW,
                    "",
                    "system@ovs-system:",
                    "  flows         : (current 1820) (avg 1750) (max 2000) (limit 2000)",
                    "  dump duration : 2300ms",
                    "  ~~~"));
    OvsAppctlUpcallShow.Datapath dp = p.value().orElseThrow().datapaths().get(0);
    assertThat(dp.reachedLimit()).isTrue();
    assertThat(dp.dumpMillis()).isEqualTo(2300);
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly(ParseFindings.UNRECOGNISED_LINE);
  }

  @Test
  void withoutAFlowsLineItIsNoData() {
    Parsed<OvsAppctlUpcallShow> p =
        new OvsAppctlUpcallShowParser()
            .parse(Fixtures.text(Spec.OVS_APPCTL_UPCALL_SHOW, "", "system@ovs-system:"));
    assertThat(p.value()).isEmpty();
    assertThat(p.findings()).extracting(f -> f.code()).containsExactly(ParseFindings.NO_DATA);
  }
}
