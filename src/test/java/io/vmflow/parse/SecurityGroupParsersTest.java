package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security group and rule lists of both clients, and port-show's port security fields. */
class SecurityGroupParsersTest {

  private static SecurityGroupRuleList rules(Spec spec, String name, String subject) {
    Parsed<SecurityGroupRuleList> p =
        new SecurityGroupRuleListParser(spec).parse(Fixtures.file(spec, spec.id(), name, subject));
    assertThat(p.findings()).isEmpty();
    return p.value().orElseThrow();
  }

  @Test
  void neutronDocSampleAsTheJavadocSays() {
    SecurityGroupRuleList l = rules(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST, "doc.txt", "");
    assertThat(l.rules()).hasSize(2);
    SecurityGroupRuleList.Rule in = l.rules().get(1);
    assertThat(in.id()).isEqualTo("9429f336-4947-4643-bbd9-24528cc65648");
    assertThat(in.group()).isEqualTo("default");
    assertThat(in.direction()).isEqualTo("ingress");
    assertThat(in.ethertype()).isEqualTo("IPv4");
    assertThat(in.protocol()).isEqualTo("any");
    assertThat(in.remoteGroup()).isEqualTo("default");
    assertThat(in.remoteIpPrefix()).isEmpty();
    assertThat(in.line()).isEqualTo(5);
    assertThat(l.rules().get(0).remoteGroup()).isEmpty();
  }

  @Test
  void neutronProtocolPortAndCidrRemotes() {
    SecurityGroupRuleList l =
        rules(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST, "groups_and_cidrs.txt", "");
    assertThat(l.rules()).hasSize(12);
    SecurityGroupRuleList.Rule udp = l.rules().get(1);
    assertThat(udp.protocol()).isEqualTo("udp");
    assertThat(udp.portRange()).isEqualTo("1-65535");
    assertThat(udp.remoteIpPrefix()).isEqualTo("0.0.0.0/0");
    SecurityGroupRuleList.Rule icmp = l.rules().get(8);
    assertThat(icmp.describe()).isEqualTo("ingress IPv4 icmp from 0.0.0.0/0");
    SecurityGroupRuleList.Rule ssh =
        rules(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST, "port_and_icmp.txt", "").rules().get(0);
    assertThat(List.of(ssh.protocol(), ssh.portRange(), ssh.group()))
        .containsExactly("tcp", "22", "myaccess");
  }

  @Test
  void openstackDocSampleNoneIsAny() {
    SecurityGroupRuleList l = rules(Spec.OPENSTACK_SECURITY_GROUP_RULE_LIST, "doc.txt", "default");
    assertThat(l.rules()).hasSize(4);
    SecurityGroupRuleList.Rule r = l.rules().get(2);
    assertThat(r.describe()).isEqualTo("ingress IPv4 any from 0.0.0.0/0");
    assertThat(r.group()).isEqualTo("default");
    assertThat(r.remoteGroup()).isEmpty();
  }

  @Test
  void openstackWrappedCellsAreJoinedAndTheGroupColumnKept() {
    SecurityGroupRuleList l =
        rules(Spec.OPENSTACK_SECURITY_GROUP_RULE_LIST, "all_groups_wrapped.txt", "");
    assertThat(l.rules()).hasSize(6);
    SecurityGroupRuleList.Rule g = l.rules().get(1);
    assertThat(g.id()).isEqualTo("73ba5fab-5a3c-4ce9-9864-60a5449f616c");
    assertThat(g.group()).isEqualTo("78d3f572-5e31-47ff-b383-490cb6d8e088");
    assertThat(g.remoteGroup()).isEqualTo("78d3f572-5e31-47ff-b383-490cb6d8e088");
    assertThat(g.line()).isEqualTo(6);
    assertThat(l.rules().get(2).protocol()).isEqualTo("icmp");
  }

  @Test
  void olderOpenstackClientWithoutDirection() {
    SecurityGroupRuleList l =
        rules(Spec.OPENSTACK_SECURITY_GROUP_RULE_LIST, "no_direction.txt", "master");
    assertThat(l.rules()).hasSize(6);
    assertThat(l.rules().get(0).direction()).isEmpty();
    assertThat(l.rules().get(0).portRange()).isEqualTo("53:53");
    assertThat(l.rules().get(0).group()).isEqualTo("master");
  }

  @Test
  void groupListsOfBothClients() {
    SecurityGroupList n =
        new SecurityGroupListParser(Spec.NEUTRON_SECURITY_GROUP_LIST)
            .parse(
                Fixtures.file(
                    Spec.NEUTRON_SECURITY_GROUP_LIST, "neutron_security_group_list", "doc.txt", ""))
            .value()
            .orElseThrow();
    assertThat(n.groups())
        .extracting(SecurityGroupList.Group::name)
        .containsExactly("default", "myaccess");
    assertThat(n.group("myaccess").orElseThrow().id())
        .isEqualTo("adc9c79d-7ac2-48bc-8572-116fba86b51e");
    SecurityGroupList o =
        new SecurityGroupListParser(Spec.OPENSTACK_SECURITY_GROUP_LIST)
            .parse(
                Fixtures.file(
                    Spec.OPENSTACK_SECURITY_GROUP_LIST,
                    "openstack_security_group_list",
                    "doc.txt",
                    ""))
            .value()
            .orElseThrow();
    assertThat(o.groups())
        .singleElement()
        .satisfies(g -> assertThat(g.name()).isEqualTo("default"));
  }

  @Test
  void truncatedRowIsAFinding() {
    List<String> lines =
        List.of(
            "+------+----------------+-----------+-----------+---------------+--------+",
            "| id   | security_group | direction | ethertype | protocol/port | remote |",
            "+------+----------------+-----------+-----------+---------------+--------+",
            "| 07dec775-7d3c-40b8-ab10-105b926224c9 | myacc");
    Parsed<SecurityGroupRuleList> p =
        new SecurityGroupRuleListParser(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST)
            .parse(new SourceText(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST, "x", lines));
    assertThat(p.findings()).extracting(f -> f.code()).contains("PARSE_UNRECOGNISED_LINE");
  }

  @Test
  void portShowGivesGroupsPortSecurityAndAddressPairs() {
    PortShow p =
        new NeutronPortShowParser()
            .parse(
                Fixtures.file(
                    Spec.NEUTRON_PORT_SHOW,
                    "neutron_port_show",
                    "neutron-doc-2018_neutron_port-show.txt",
                    ""))
            .value()
            .orElseThrow();
    assertThat(p.portSecurity()).contains(true);
    assertThat(p.securityGroups()).containsExactly("1f0ddd73-7e3c-48bd-a64c-7ded4fe0e635");
    assertThat(p.allowedAddresses()).isEmpty();
    PortShow off =
        new NeutronPortShowParser(Spec.OPENSTACK_PORT_SHOW)
            .parse(
                Fixtures.file(
                    Spec.OPENSTACK_PORT_SHOW,
                    "openstack_port_show",
                    "9506hqwy_net-ovs-vlan_openstack_port_show.txt",
                    ""))
            .value()
            .orElseThrow();
    assertThat(off.portSecurity()).contains(false);
    PortShow pair =
        new PortShow(
            "p",
            "",
            "",
            java.util.Optional.empty(),
            "",
            List.of(),
            "",
            java.util.Optional.empty(),
            "",
            "",
            "",
            java.util.Map.of(
                "allowed_address_pairs",
                "ip_address='10.0.0.5', mac_address='fa:16:3e:00:00:01'",
                "security_group_ids",
                "1f0ddd73-7e3c-48bd-a64c-7ded4fe0e635, 64fbc795-4c7f-4645-9565-7190ead608b4"),
            1);
    assertThat(pair.allowedAddresses()).containsExactly("10.0.0.5");
    assertThat(pair.securityGroups()).hasSize(2);
  }
}
