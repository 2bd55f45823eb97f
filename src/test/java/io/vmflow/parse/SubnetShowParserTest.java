package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/** neutron subnet-show and openstack subnet show on real outputs. */
class SubnetShowParserTest {

  private static SubnetShow parse(Spec spec, String folder, String file) {
    Parsed<SubnetShow> r = new SubnetShowParser(spec).parse(Fixtures.file(spec, folder, file, ""));
    assertThat(r.findings()).isEmpty();
    return r.value().orElseThrow();
  }

  @Test
  void openstackFormKeepsGatewayDhcpAndPoolRange() {
    SubnetShow s =
        parse(
            Spec.OPENSTACK_SUBNET_SHOW,
            "openstack_subnet_show",
            "neutron-doc_openstack_subnet_show.txt");
    assertThat(s.id()).isEqualTo("c5c9f5c2-145d-46d2-a513-cf675530eaed");
    assertThat(s.networkId()).isEqualTo("713bae25-8276-4e0a-a453-e59a1d65425a");
    assertThat(s.cidr()).isEqualTo("10.0.0.0/24");
    assertThat(s.gatewayIp()).isEqualTo("10.0.0.1");
    assertThat(s.enableDhcp()).contains(true);
    assertThat(s.allocationPools()).containsExactly("10.0.0.2-10.0.0.254");
  }

  @Test
  void neutronFormReadsTheJsonPoolAfterTheDeprecationLine() {
    SubnetShow s =
        parse(
            Spec.NEUTRON_SUBNET_SHOW,
            "neutron_subnet_show",
            "queens-notes_neutron_subnet-show.txt");
    assertThat(s.gatewayIp()).isEqualTo("210.203.22.126");
    assertThat(s.enableDhcp()).contains(false);
    assertThat(s.allocationPools()).containsExactly("210.203.22.117-210.203.22.125");
    assertThat(s.line()).isGreaterThan(1);
  }
}
