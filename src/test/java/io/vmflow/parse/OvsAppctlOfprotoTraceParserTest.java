package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ofproto/trace output of a real replica. */
class OvsAppctlOfprotoTraceParserTest {

  private static Parsed<OvsAppctlOfprotoTrace> parse(String file) {
    return new OvsAppctlOfprotoTraceParser()
        .parse(
            Fixtures.file(
                Spec.OVS_APPCTL_OFPROTO_TRACE, "ovs_appctl_ofproto_trace", file, "br-int"));
  }

  @Test
  void docSampleNamesTheDropRule() {
    OvsAppctlOfprotoTrace t = parse("doc.txt").value().orElseThrow();
    assertThat(t.drops()).isTrue();
    assertThat(t.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.bridge()).isEqualTo("br-int");
              assertThat(s.table()).isZero();
              assertThat(s.match()).isEqualTo("icmp,in_port=1,icmp_type=0");
              assertThat(s.priority()).isEqualTo(200);
              assertThat(s.actions()).containsExactly("drop");
              assertThat(s.line()).isEqualTo(5);
            });
  }

  @Test
  void normalForwardingKeepsTheCatchAllAndItsActions() {
    OvsAppctlOfprotoTrace t = parse("lab_normal_forward.txt").value().orElseThrow();
    assertThat(t.drops()).isFalse();
    assertThat(t.datapathActions()).isEqualTo("pop_vlan,3");
    assertThat(t.steps().get(0).match()).isEmpty();
    assertThat(t.steps().get(0).actions()).contains("NORMAL");
  }

  @Test
  void garbageIsNoData() {
    Parsed<OvsAppctlOfprotoTrace> p =
        new OvsAppctlOfprotoTraceParser()
            .parse(
                new SourceText(
                    Spec.OVS_APPCTL_OFPROTO_TRACE, "x", List.of("ovs-vswitchd: no such bridge")));
    assertThat(p.findings()).extracting(f -> f.code()).containsExactly("PARSE_NO_DATA");
  }
}
