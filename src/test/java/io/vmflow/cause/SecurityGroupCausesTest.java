package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.B;
import static io.vmflow.cause.LabFacts.VM1;
import static io.vmflow.cause.LabFacts.VM3;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.PortShow;
import io.vmflow.parse.SecurityGroupList;
import io.vmflow.parse.SecurityGroupRuleList;
import io.vmflow.ping.LossCase;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The controller's security groups and port security as causes of a loss, in plain Java. */
class SecurityGroupCausesTest {

  static final String WEB = "1f0ddd73-7e3c-48bd-a64c-7ded4fe0e635";
  static final String OTHER = "64fbc795-4c7f-4645-9565-7190ead608b4";
  static final String RULES = "controller/neutron_security-group-rule-list";

  // vm3's echo requests to vm1, lost between vm1's qvb and its tap
  static final LossCase REQUEST_INTO_VM1 =
      new LossCase(
          "vm1-id",
          "20 of 20 echo requests ... lost between qvb and tap",
          "request",
          "10.20.0.13",
          "10.20.0.11",
          List.of("qvb" + VM1, "qbr" + VM1, "tap" + VM1),
          List.of(A, A, A),
          20);

  @Test
  void noIngressIcmpRuleOnTheReceivingPortIsTheCauseWithTheGroupsRules() {
    Causes.Result r =
        explain(
            List.of(
                port(VM1, "10.20.0.11", WEB, "True", ""),
                port(VM3, "10.20.0.13", OTHER, "True", ""),
                groups(),
                rules(
                    rule("r1", "web", "ingress", "tcp", "22:22", "", ""),
                    rule("r2", "web", "egress", "any", "", "", ""))),
            REQUEST_INTO_VM1);
    Finding f = only(r, SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message())
        .contains(VM1 + "-port", "tap" + VM1, "web (" + WEB + ")")
        .contains("no ingress rule admits ICMP from 10.20.0.13");
    assertThat(f.evidence()).contains(new Evidence(RULES, 4), new Evidence(RULES, 5));
    assertThat(r.links())
        .singleElement()
        .satisfies(
            l ->
                assertThat(l.causes())
                    .anyMatch(
                        c -> c.code().equals(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP)));
  }

  @Test
  void repliesToRequestsAnEgressRuleLetOutAreAdmittedStatefully() {
    // vm1 pinged vm3; vm3's replies lost on their way into vm1
    LossCase replies =
        new LossCase(
            "vm1-id",
            "20 of 20 echo replies ... lost between qvb and tap",
            "reply",
            "10.20.0.11",
            "10.20.0.13",
            List.of("qvb" + VM1, "qbr" + VM1, "tap" + VM1),
            List.of(A, A, A),
            20);
    List<Fact> egressAny =
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            groups(),
            rules(
                rule("r1", "web", "ingress", "tcp", "22:22", "", ""),
                rule("r2", "web", "egress", "any", "", "", "")));
    assertThat(codes(explain(egressAny, replies)))
        .doesNotContain(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
    List<Fact> egressTcp =
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            groups(),
            rules(
                rule("r1", "web", "ingress", "tcp", "22:22", "", ""),
                rule("r2", "web", "egress", "tcp", "", "", "")));
    assertThat(
            only(explain(egressTcp, replies), SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP)
                .message())
        .contains("no ingress rule admits ICMP from 10.20.0.13 (echo replies");
  }

  @Test
  void anIcmpRuleFromTheSendersNetworkAdmitsIt() {
    Causes.Result r =
        explain(
            List.of(
                port(VM1, "10.20.0.11", WEB, "True", ""),
                groups(),
                rules(rule("r1", "web", "ingress", "icmp", "", "10.20.0.0/24", ""))),
            REQUEST_INTO_VM1);
    assertThat(codes(r)).doesNotContain(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
  }

  @Test
  void anIcmpRuleFromAnotherPrefixOrForIpv6DoesNot() {
    Causes.Result r =
        explain(
            List.of(
                port(VM1, "10.20.0.11", WEB, "True", ""),
                groups(),
                rules(
                    rule("r1", "web", "ingress", "icmp", "", "192.168.0.0/16", ""),
                    new SecurityGroupRuleList.Rule(
                        "r2", "web", "ingress", "IPv6", "any", "", "", "", 5))),
            REQUEST_INTO_VM1);
    assertThat(codes(r)).contains(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
  }

  @Test
  void aRemoteGroupRuleAdmitsOnlySendersInThatGroup() {
    List<Fact> member =
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            port(VM3, "10.20.0.13", WEB, "True", ""),
            groups(),
            rules(rule("r1", "web", "ingress", "any", "", "", "web")));
    assertThat(codes(explain(member, REQUEST_INTO_VM1)))
        .doesNotContain(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
    List<Fact> outsider =
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            port(VM3, "10.20.0.13", OTHER, "True", ""),
            groups(),
            rules(rule("r1", "web", "ingress", "any", "", "", "web")));
    assertThat(codes(explain(outsider, REQUEST_INTO_VM1)))
        .contains(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
  }

  @Test
  void portSecurityOffOrGroupsNotTiedToTheRulesClaimNothing() {
    List<Fact> off =
        List.of(
            port(VM1, "10.20.0.11", WEB, "False", ""),
            groups(),
            rules(rule("r1", "web", "ingress", "tcp", "22:22", "", "")));
    assertThat(codes(explain(off, REQUEST_INTO_VM1)))
        .doesNotContain(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
    // neutron's rule list names groups; without the group list the port's ids are not tied
    List<Fact> unnamed =
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            rules(rule("r1", "web", "ingress", "tcp", "22:22", "", "")));
    assertThat(codes(explain(unnamed, REQUEST_INTO_VM1)))
        .doesNotContain(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP);
  }

  @Test
  void withoutALossOnlyAnInfoListsTheIngressRules() {
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(
                port(VM1, "10.20.0.11", WEB, "True", ""),
                groups(),
                rules(rule("r1", "web", "ingress", "tcp", "22:22", "", ""))),
            List.of(),
            List.of());
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(SecurityGroupCauses.SECURITY_GROUP_RULES);
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.vmId()).isEqualTo("vm1-id");
              assertThat(f.message()).contains("ingress IPv4 tcp 22:22 from any");
            });
  }

  @Test
  void echoesFromAnAddressThePortDoesNotOwnAreDroppedByAntiSpoofing() {
    LossCase spoofed =
        new LossCase(
            "vm1-id",
            "20 of 20 echo requests ... lost between tap and qbr",
            "request",
            "10.20.0.99",
            "10.20.0.13",
            List.of("tap" + VM1, "qbr" + VM1),
            List.of(A, A),
            20);
    Finding f =
        only(
            explain(List.of(port(VM1, "10.20.0.11", WEB, "True", "")), spoofed),
            PortSecurityCauses.PORT_SECURITY_DROPS_SOURCE);
    assertThat(f.message()).contains("10.20.0.11", "10.20.0.99", "tap" + VM1);
    String pair = "{\"ip_address\": \"10.20.0.96/28\", \"mac_address\": \"fa:16:3e:11:11:01\"}";
    assertThat(codes(explain(List.of(port(VM1, "10.20.0.11", WEB, "True", pair)), spoofed)))
        .doesNotContain(PortSecurityCauses.PORT_SECURITY_DROPS_SOURCE);
    assertThat(codes(explain(List.of(port(VM1, "10.20.0.11", WEB, "False", "")), spoofed)))
        .doesNotContain(PortSecurityCauses.PORT_SECURITY_DROPS_SOURCE);
  }

  @Test
  void aHostChainDroppingWhatTheGroupsAdmitIsOutOfSyncAndTheGroupsAgreeingIsNot() {
    // the lab's sg-iptables chains drop ICMP into vm1's tap; vm2's echo replies die there
    LossCase replies =
        new LossCase(
            "vm1-id",
            "20 of 20 echo replies ... lost between qvb and tap",
            "reply",
            "10.20.0.11",
            "10.20.0.12",
            List.of("qvb" + VM1, "qbr" + VM1, "tap" + VM1),
            List.of(A, A, A),
            20);
    List<Fact> host =
        List.of(
            LabFacts.fact(A, "sg-iptables_ip_-s_-d_link"),
            LabFacts.fact(A, "sg-iptables_iptables-save_-c"));
    List<Fact> admitted = new ArrayList<>(host);
    admitted.addAll(
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            groups(),
            rules(rule("r1", "web", "ingress", "icmp", "", "0.0.0.0/0", ""))));
    Finding f = only(explain(admitted, replies), SecurityGroupCauses.SECURITY_GROUP_OUT_OF_SYNC);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.message())
        .contains("drops ICMP from 10.20.0.12 to port " + VM1 + "-port", "tap" + VM1)
        .contains("its security groups admit it", "not neutron's");
    assertThat(f.evidence()).contains(new Evidence(RULES, 4));
    List<Fact> agreeing = new ArrayList<>(host);
    agreeing.addAll(
        List.of(
            port(VM1, "10.20.0.11", WEB, "True", ""),
            groups(),
            rules(rule("r1", "web", "ingress", "tcp", "22:22", "", ""))));
    assertThat(codes(explain(agreeing, replies)))
        .contains(SecurityGroupCauses.SECURITY_GROUP_BLOCKS_ICMP)
        .doesNotContain(SecurityGroupCauses.SECURITY_GROUP_OUT_OF_SYNC);
  }

  private static Causes.Result explain(List<Fact> facts, LossCase loss) {
    return Causes.explain(LabFacts.topology(), facts, List.of(), List.of(loss));
  }

  private static Finding only(Causes.Result r, String code) {
    List<Finding> out = r.findings().stream().filter(f -> f.code().equals(code)).toList();
    assertThat(out).as("findings %s", codes(r)).hasSize(1);
    return out.get(0);
  }

  private static List<String> codes(Causes.Result r) {
    List<String> out = new ArrayList<>();
    r.findings().forEach(f -> out.add(f.code()));
    return out;
  }

  private static Fact port(String dev, String ip, String group, String security, String pairs) {
    PortShow p =
        new PortShow(
            dev + "-port",
            "",
            "",
            Optional.empty(),
            "net",
            List.of(new PortShow.FixedIp("subnet", ip)),
            "ACTIVE",
            Optional.of(true),
            "",
            "compute:nova",
            dev.equals(VM1) ? A : B,
            Map.of(
                "security_groups", group,
                "port_security_enabled", security,
                "allowed_address_pairs", pairs),
            3);
    String origin = "controller/neutron_port-show_" + dev + "-port";
    return new Fact("", Spec.NEUTRON_PORT_SHOW, origin, dev + "-port", p);
  }

  private static Fact groups() {
    return new Fact(
        "",
        Spec.NEUTRON_SECURITY_GROUP_LIST,
        "controller/neutron_security-group-list",
        "",
        new SecurityGroupList(
            List.of(
                new SecurityGroupList.Group(WEB, "web", 4),
                new SecurityGroupList.Group(OTHER, "other", 5))));
  }

  private static SecurityGroupRuleList.Rule rule(
      String id,
      String group,
      String direction,
      String protocol,
      String ports,
      String prefix,
      String remote) {
    return new SecurityGroupRuleList.Rule(
        id, group, direction, "IPv4", protocol, ports, prefix, remote, 0);
  }

  private static Fact rules(SecurityGroupRuleList.Rule... rules) {
    List<SecurityGroupRuleList.Rule> numbered = new ArrayList<>();
    for (int i = 0; i < rules.length; i++) {
      SecurityGroupRuleList.Rule r = rules[i];
      numbered.add(
          new SecurityGroupRuleList.Rule(
              r.id(),
              r.group(),
              r.direction(),
              r.ethertype(),
              r.protocol(),
              r.portRange(),
              r.remoteIpPrefix(),
              r.remoteGroup(),
              r.line() > 0 ? r.line() : 4 + i));
    }
    return new Fact(
        "", Spec.NEUTRON_SECURITY_GROUP_RULE_LIST, RULES, "", new SecurityGroupRuleList(numbered));
  }
}
