package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ovs-ofctl dump-groups output of a real switch (OpenFlow 1.0 with Nicira extensions, 1.3, 1.5).
 */
class OvsOfctlDumpGroupsParserTest {

  private static Parsed<OvsOfctlDumpGroups> parse(String file) {
    return new OvsOfctlDumpGroupsParser()
        .parse(Fixtures.file(Spec.OVS_OFCTL_DUMP_GROUPS, "ovs_ofctl_dump_groups", file, "br-int"));
  }

  @Test
  void docSampleGivesEachGroupWithItsBucketsAndLine() {
    Parsed<OvsOfctlDumpGroups> p = parse("doc.txt");
    assertThat(p.findings()).isEmpty();
    OvsOfctlDumpGroups d = p.value().orElseThrow();
    assertThat(d.bridge()).isEqualTo("br-int");
    assertThat(d.groups())
        .first()
        .satisfies(
            g -> {
              assertThat(g.id()).isEqualTo(1);
              assertThat(g.type()).isEqualTo("all");
              assertThat(g.buckets()).containsExactly("actions=output:2", "actions=output:3");
              assertThat(g.text())
                  .isEqualTo("group_id=1,type=all,bucket=actions=output:2,bucket=actions=output:3");
              assertThat(g.line()).isEqualTo(2);
            });
  }

  @Test
  void bucketsWithNestedActionsAreSplitOnlyAtTheirOwnCommas() {
    OvsOfctlDumpGroups d = parse("doc.txt").value().orElseThrow();
    assertThat(d.groups()).extracting(OvsOfctlDumpGroups.Group::id).containsExactly(1L, 2L, 3L, 4L);
    assertThat(d.groups().get(2).type()).isEqualTo("select");
    assertThat(d.groups().get(2).buckets())
        .containsExactly(
            "weight:100,actions=ct(commit,table=2,zone=20,nat(dst=10.4.0.131:80))",
            "weight:100,actions=ct(commit,table=2,zone=20,nat(dst=10.4.0.130:80))");
  }

  @ParameterizedTest
  @ValueSource(strings = {"of15.txt", "nx.txt"})
  void bucketIdsOfOpenFlow15AndNiciraRepliesAreKept(String file) {
    Parsed<OvsOfctlDumpGroups> p = parse(file);
    assertThat(p.findings()).isEmpty();
    OvsOfctlDumpGroups d = p.value().orElseThrow();
    assertThat(d.groups()).hasSize(4);
    assertThat(d.groups().get(0).buckets())
        .containsExactly("bucket_id:0,actions=output:2", "bucket_id:1,actions=output:3");
  }

  @Test
  void headerAloneIsAnEmptyGroupTable() {
    Parsed<OvsOfctlDumpGroups> p = parse("header_only.txt");
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().groups()).isEmpty();
  }

  @Test
  void garbageIsUnrecognisedAndNoData() {
    Parsed<OvsOfctlDumpGroups> p =
        new OvsOfctlDumpGroupsParser()
            .parse(
                new SourceText(
                    Spec.OVS_OFCTL_DUMP_GROUPS,
                    "x",
                    List.of("ovs-ofctl: br-int: failed to connect to socket")));
    assertThat(p.findings())
        .extracting(f -> f.code())
        .containsExactly("PARSE_UNRECOGNISED_LINE", "PARSE_NO_DATA");
  }
}
