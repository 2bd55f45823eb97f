package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/**
 * The L3 and DHCP formats of #19 on real outputs: floating IP lists (neutron and openstack
 * clients), neutron net-show, and the DHCP agent's dnsmasq host file.
 */
class L3ControllerParsersTest {

  @Test
  void neutronFloatingipListKeepsEachFloatingAndFixedAddressAndPort() {
    Parsed<FloatingIpList> r =
        new FloatingIpListParser(Spec.NEUTRON_FLOATINGIP_LIST)
            .parse(
                Fixtures.file(
                    Spec.NEUTRON_FLOATINGIP_LIST, "neutron_floatingip_list", "doc.txt", ""));
    assertThat(r.findings()).isEmpty();
    assertThat(r.value().orElseThrow().floatingIps())
        .extracting(
            FloatingIpList.FloatingIp::floatingIp,
            FloatingIpList.FloatingIp::fixedIp,
            FloatingIpList.FloatingIp::portId,
            FloatingIpList.FloatingIp::line)
        .containsExactly(
            tuple("163.3.124.7", "10.0.1.5", "37e9cfe5-d410-4625-963d-b7ea4347d72e", 4),
            tuple("163.3.124.13", "10.0.2.10", "ed9bdc02-0f0d-4763-a993-e0972c6563fa", 5));
    assertThat(r.value().orElseThrow().ofFixedIp("10.0.2.10"))
        .hasValueSatisfying(
            f -> assertThat(f.id()).isEqualTo("f917dede-6e0d-4c5a-8d02-7d5774d094ba"));
  }

  @Test
  void openstackFloatingIpListReadsNoneAsUnassociated() {
    Parsed<FloatingIpList> r =
        new FloatingIpListParser(Spec.OPENSTACK_FLOATING_IP_LIST)
            .parse(
                Fixtures.file(
                    Spec.OPENSTACK_FLOATING_IP_LIST,
                    "openstack_floating_ip_list",
                    "neutron-doc_config-qos_unassociated_elided.txt",
                    ""));
    assertThat(r.findings()).isEmpty();
    assertThat(r.value().orElseThrow().floatingIps())
        .extracting(FloatingIpList.FloatingIp::floatingIp, FloatingIpList.FloatingIp::isAssociated)
        .containsExactly(
            tuple("172.16.100.9", false),
            tuple("172.16.100.18", false),
            tuple("172.16.100.2", false));
  }

  @Test
  void aFloatingIpRowWithoutAnAddressIsAFinding() {
    Parsed<FloatingIpList> r =
        new FloatingIpListParser(Spec.NEUTRON_FLOATINGIP_LIST)
            .parse(
                Fixtures.text(
                    Spec.NEUTRON_FLOATINGIP_LIST,
                    "",
                    "+----------+------------------+---------------------+----------+",
                    "| id       | fixed_ip_address | floating_ip_address | port_id  |",
                    "+----------+------------------+---------------------+----------+",
                    "| 04c18e73 | 10.0.1.5         | not-an-ip           | 37e9cfe5 |",
                    "+----------+------------------+---------------------+----------+"));
    assertThat(r.value().orElseThrow().floatingIps()).isEmpty();
    assertThat(r.findings()).extracting(f -> f.code()).containsExactly("PARSE_BAD_VALUE");
  }

  @Test
  void neutronNetShowGivesMtuAndRouterExternal() {
    Parsed<NetworkShow> r =
        new OpenstackNetworkShowParser(Spec.NEUTRON_NET_SHOW)
            .parse(Fixtures.file(Spec.NEUTRON_NET_SHOW, "neutron_net_show", "doc.txt", "x"));
    assertThat(r.findings()).isEmpty();
    NetworkShow n = r.value().orElseThrow();
    assertThat(n.id()).isEqualTo("37aaff3a-6047-45ac-bf4f-a825e56fd2b3");
    assertThat(n.mtu()).contains(1450);
    assertThat(n.fields()).containsEntry("router:external", "False");
  }

  @Test
  void dhcpHostFileDocSampleIsOneEntry() {
    Parsed<DhcpHosts> r =
        new DhcpHostFileParser()
            .parse(Fixtures.file(Spec.NEUTRON_DHCP_HOST, "neutron_dhcp_host", "doc.txt", "net"));
    assertThat(r.findings()).isEmpty();
    assertThat(r.value().orElseThrow().entries())
        .extracting(
            DhcpHosts.Entry::mac,
            DhcpHosts.Entry::hostname,
            DhcpHosts.Entry::ip,
            DhcpHosts.Entry::line)
        .containsExactly(
            tuple("fa:16:3e:61:21:c6", "host-192-168-101-85.openstacklocal", "192.168.101.85", 1));
    assertThat(r.value().orElseThrow().hasAddress("192.168.101.85")).isTrue();
  }

  @Test
  void aTrailingSetTagIsKeptApartFromTheAddress() {
    Parsed<DhcpHosts> r =
        new DhcpHostFileParser()
            .parse(
                Fixtures.file(
                    Spec.NEUTRON_DHCP_HOST,
                    "neutron_dhcp_host",
                    "9506hqwy_node-deploy_host_set_port_tag.txt",
                    "net"));
    assertThat(r.findings()).isEmpty();
    DhcpHosts.Entry e = r.value().orElseThrow().entries().get(0);
    assertThat(e.ip()).isEqualTo("10.0.0.208");
    assertThat(e.mac()).isEqualTo("52:54:00:7e:e6:01");
    assertThat(e.tags()).containsExactly("set:port-19c14411-bb87-45b3-9281-df0bade823b2");
  }

  @Test
  void neutronsOwnHostFileHasBracketedIpv6AndAMalformedMacLine() {
    Parsed<DhcpHosts> r =
        new DhcpHostFileParser()
            .parse(
                Fixtures.file(
                    Spec.NEUTRON_DHCP_HOST,
                    "neutron_dhcp_host",
                    "neutron-unit_reload_allocation_host.txt",
                    "cccccccc-cccc-cccc-cccc-cccccccccccc"));
    assertThat(r.value().orElseThrow().entries())
        .extracting(DhcpHosts.Entry::ip)
        .containsExactly(
            "192.168.0.2", "fdca:3ba5:a17a:4ba3::2", "192.168.0.3", "fdca:3ba5:a17a:4ba3::3");
    // 00:00:0f:rr:rr:rr is no MAC: the line is reported, not guessed
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("PARSE_UNRECOGNISED_LINE");
              assertThat(f.line()).isEqualTo(5);
            });
  }
}
