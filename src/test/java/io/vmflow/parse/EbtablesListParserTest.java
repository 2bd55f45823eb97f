package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ebtables -L (with and without --Lc counters, filter and nat tables) on real outputs. */
class EbtablesListParserTest {

  private static FirewallRules parse(String file) {
    Parsed<FirewallRules> r =
        new EbtablesListParser()
            .parse(Fixtures.file(Spec.EBTABLES_LIST, "ebtables_list", file, ""));
    assertThat(r.findings()).isEmpty();
    return r.value().orElseThrow();
  }

  @Test
  void docSampleKeepsTheJumpAndTheCountedIcmpDropOnTheTap() {
    FirewallRules f = parse("doc.txt");
    assertThat(f.rules()).hasSize(2);
    FirewallRules.Rule jump = f.rules().get(0);
    assertThat(jump.verdict()).isEqualTo("JUMP");
    assertThat(jump.jump()).isEqualTo("neutronMAC-tap3f1a2b4c-5d");
    assertThat(jump.in()).isEqualTo("tap3f1a2b4c-5d");
    assertThat(jump.packets()).isEqualTo(13);
    FirewallRules.Rule drop = f.rules().get(1);
    assertThat(drop.family()).isEqualTo("bridge");
    assertThat(drop.table()).isEqualTo("filter");
    assertThat(drop.chain()).isEqualTo("FORWARD");
    assertThat(drop.discards()).isTrue();
    assertThat(drop.packets()).isEqualTo(5);
    assertThat(drop.protocol()).isEqualTo("icmp");
    assertThat(drop.icmpTypes()).containsExactly(0);
    assertThat(drop.out()).isEqualTo("tap3f1a2b4c-5d");
    assertThat(drop.text())
        .isEqualTo("-p IPv4 -o tap3f1a2b4c-5d --ip-proto icmp --ip-icmp-type echo-reply -j DROP");
    assertThat(drop.line()).isEqualTo(5);
  }

  @Test
  void realFilterListingReadsEveryChainArpAndSubnets() {
    FirewallRules f = parse("qbr-icmp-drop_ebtables_-L_--Lc.txt");
    assertThat(f.rules()).hasSize(5);
    assertThat(f.rules())
        .filteredOn(r -> r.text().startsWith("-p ARP"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.protocol()).isEqualTo("arp");
              assertThat(r.verdict()).isEqualTo("ACCEPT");
            });
    assertThat(f.rules())
        .filteredOn(r -> r.chain().equals("neutronMAC-tap3f1a2b4c-5d"))
        .singleElement()
        .satisfies(r -> assertThat(r.verdict()).isEqualTo("RETURN"));
    assertThat(f.rules())
        .filteredOn(r -> r.source().equals("10.20.0.0/24"))
        .singleElement()
        .satisfies(r -> assertThat(r.in()).isEqualTo("qvb3f1a2b4c-5d"));
  }

  @Test
  void withoutCountersThePacketCountIsUnknown() {
    assertThat(parse("qbr-icmp-drop_ebtables_-L.txt").rules())
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.packets()).isEqualTo(-1));
  }

  @Test
  void natTableRulesCarryTheirTable() {
    FirewallRules f = parse("qbr-icmp-drop_ebtables_-t_nat_-L_--Lc.txt");
    assertThat(f.rules()).extracting(FirewallRules.Rule::table).containsOnly("nat");
    assertThat(f.rules())
        .filteredOn(FirewallRules.Rule::discards)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.chain()).isEqualTo("PREROUTING");
              assertThat(r.destination()).isEqualTo("10.20.0.99");
              assertThat(r.packets()).isZero();
            });
  }

  @Test
  void negatedMatchesAreLeftOutAndStrayLinesAreFindings() {
    SourceText s =
        new SourceText(
            Spec.EBTABLES_LIST,
            "ebtables_-L",
            List.of(
                "Bridge table: filter",
                "",
                "Bridge chain: FORWARD, entries: 2, policy: ACCEPT",
                "1 -p IPv4 -o ! tap+ --ip-proto icmp -j DROP , pcnt = 3 -- bcnt = 252",
                "2 -p IPv4 ! -i qvb+ --ip-src 10.0.0.1 -j CONTINUE",
                "stray"));
    Parsed<FirewallRules> p = new EbtablesListParser().parse(s);
    assertThat(p.value().orElseThrow().rules())
        .satisfiesExactly(
            r -> {
              assertThat(r.out()).isEmpty();
              assertThat(r.protocol()).isEqualTo("icmp");
              assertThat(r.packets()).isEqualTo(3);
            },
            r -> {
              assertThat(r.in()).isEmpty();
              assertThat(r.source()).isEqualTo("10.0.0.1");
              assertThat(r.verdict()).isEmpty();
            });
    assertThat(p.findings()).singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(6));
  }
}
