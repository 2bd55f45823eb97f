package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** iptables-save, iptables -vnxL and nft list ruleset on the lab's real outputs. */
class FirewallParsersTest {

  private static FirewallRules parse(CommandParser<FirewallRules> p, String folder, String file) {
    Parsed<FirewallRules> r = p.parse(Fixtures.file(p.spec(), folder, file, ""));
    assertThat(r.findings()).isEmpty();
    return r.value().orElseThrow();
  }

  @Test
  void iptablesSaveDocSampleKeepsCountersTargetsAndPhysdev() {
    FirewallRules f = parse(new IptablesSaveParser(), "iptables_save", "doc.txt");
    assertThat(f.rules()).hasSize(2);
    FirewallRules.Rule drop = f.rules().get(0);
    assertThat(drop.chain()).isEqualTo("neutron-openvswi-i3f1a2b4c-5");
    assertThat(drop.packets()).isEqualTo(40);
    assertThat(drop.discards()).isTrue();
    assertThat(drop.protocol()).isEqualTo("icmp");
    assertThat(drop.line()).isEqualTo(4);
    FirewallRules.Rule jump = f.rules().get(1);
    assertThat(jump.verdict()).isEqualTo("JUMP");
    assertThat(jump.jump()).isEqualTo("neutron-openvswi-i3f1a2b4c-5");
    assertThat(jump.physdevOut()).isEqualTo("tap3f1a2b4c-5d");
  }

  @Test
  void iptablesSaveRealDumpReadsEveryRule() {
    FirewallRules f =
        parse(new IptablesSaveParser(), "iptables_save", "lab_sg-iptables_iptables-save_-c.txt");
    assertThat(f.rules()).hasSize(6);
    assertThat(f.rules()).filteredOn(FirewallRules.Rule::discards).hasSize(1);
  }

  @Test
  void iptablesListDocSampleFindsColumnsFromTheAddresses() {
    FirewallRules f = parse(new IptablesListParser(), "iptables_list", "doc.txt");
    assertThat(f.rules()).hasSize(2);
    assertThat(f.rules().get(0).verdict()).isEqualTo("DROP");
    assertThat(f.rules().get(0).protocol()).isEqualTo("icmp");
    assertThat(f.rules().get(0).packets()).isEqualTo(40);
    assertThat(f.rules().get(1).verdict()).isEqualTo("RETURN");
    assertThat(f.rules().get(1).protocol()).isEmpty();
  }

  @Test
  void iptablesListRealDumpReadsPhysdevAndEmptyChains() {
    FirewallRules f =
        parse(new IptablesListParser(), "iptables_list", "lab_sg-iptables_iptables_-vnxL.txt");
    assertThat(f.rules()).hasSize(6);
    assertThat(f.rules())
        .filteredOn(r -> r.chain().equals("neutron-openvswi-sg-chain") && r.packets() == 40)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.physdevOut()).isEqualTo("tap3f1a2b4c-5d");
              assertThat(r.jump()).isEqualTo("neutron-openvswi-i3f1a2b4c-5");
            });
    assertThat(parse(new IptablesListParser(), "iptables_list", "lab_ip6tables_-vnxL.txt").rules())
        .isEmpty();
  }

  @Test
  void iptablesListRowWithoutTargetAndShortCounters() {
    SourceText s =
        new SourceText(
            Spec.IPTABLES_LIST,
            "iptables_-nvL",
            List.of(
                "Chain FORWARD (policy DROP 0 packets, 0 bytes)",
                " pkts bytes target     prot opt in     out     source               destination",
                "  12K  1008K            all  --  *      *       0.0.0.0/0            0.0.0.0/0",
                "garbage"));
    Parsed<FirewallRules> p = new IptablesListParser().parse(s);
    assertThat(p.value().orElseThrow().rules().get(0).packets()).isEqualTo(12000);
    assertThat(p.value().orElseThrow().rules().get(0).verdict()).isEmpty();
    assertThat(p.findings()).extracting(f -> f.code()).containsExactly("PARSE_UNRECOGNISED_LINE");
  }

  @Test
  void nftDocSampleIsABridgeRuleOnTheTap() {
    FirewallRules f = parse(new NftListRulesetParser(), "nft_list_ruleset", "doc.txt");
    FirewallRules.Rule r = f.rules().get(0);
    assertThat(f.rules()).hasSize(1);
    assertThat(r.family()).isEqualTo("bridge");
    assertThat(r.table()).isEqualTo("vmflowsg");
    assertThat(r.chain()).isEqualTo("forward");
    assertThat(r.out()).isEqualTo("tap3f1a2b4c-5d");
    assertThat(r.icmpTypes()).containsExactly(0);
    assertThat(r.packets()).isEqualTo(40);
    assertThat(r.verdict()).isEqualTo("DROP");
    assertThat(r.line()).isEqualTo(4);
  }

  @Test
  void nftRealRulesetsRandomDropAndIptablesNftTranslation() {
    FirewallRules random =
        parse(new NftListRulesetParser(), "nft_list_ruleset", "lab_fw-random_nft_list_ruleset.txt");
    assertThat(random.rules()).singleElement().satisfies(r -> assertThat(r.in()).startsWith("qvb"));
    FirewallRules xt =
        parse(new NftListRulesetParser(), "nft_list_ruleset", "lab_sg-iptables_iptables-nft.txt");
    assertThat(xt.rules()).hasSize(6);
    assertThat(xt.rules())
        .filteredOn(FirewallRules.Rule::discards)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.chain()).isEqualTo("neutron-openvswi-i3f1a2b4c-5");
              assertThat(r.protocol()).isEqualTo("icmp");
            });
  }

  @Test
  void aNetdevChainsHookDeviceIsTheDeviceOfItsRules() {
    FirewallRules rules =
        parse(new NftListRulesetParser(), "nft_list_ruleset", "lab_loss_nft_list_ruleset.txt");
    assertThat(rules.rules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.family()).isEqualTo("netdev");
              assertThat(r.chain()).isEqualTo("qvb_ingress");
              assertThat(r.in()).isEqualTo("qvb3f1a2b4c-5d");
              assertThat(r.out()).isEmpty();
              assertThat(r.verdict()).isEqualTo("DROP");
              assertThat(r.protocol()).isEqualTo("icmp");
              assertThat(r.packets()).isEqualTo(-1);
            });
  }

  @Test
  void nftSetsAndChainHeadersAreNotRules() {
    SourceText s =
        new SourceText(
            Spec.NFT_LIST_RULESET,
            "nft_list_ruleset",
            List.of(
                "table inet filter {",
                "\tset blocked {",
                "\t\ttype ipv4_addr",
                "\t\telements = { 10.0.0.1, 10.0.0.2 }",
                "\t}",
                "\tchain input {",
                "\t\ttype filter hook input priority filter; policy drop;",
                "\t\ticmp type { echo-request, echo-reply } counter packets 3 bytes 252 accept",
                "\t}",
                "}",
                "stray"));
    Parsed<FirewallRules> p = new NftListRulesetParser().parse(s);
    assertThat(p.value().orElseThrow().rules())
        .singleElement()
        .satisfies(r -> assertThat(r.icmpTypes()).containsExactly(8, 0));
    assertThat(p.findings()).hasSize(1);
  }
}
