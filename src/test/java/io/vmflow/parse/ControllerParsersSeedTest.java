package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/** The controller-side outputs of the seed field note, cut by grep as the engineer ran them. */
class ControllerParsersSeedTest {

  @Test
  void novaListTrimmedToAnIdGivesTheServer() {
    ServerList s =
        new NovaListParser()
            .parse(Fixtures.seed(Spec.NOVA_LIST, "nova list", ""))
            .value()
            .orElseThrow();
    assertThat(s.servers())
        .extracting(ServerList.Server::id)
        .containsExactly("8851611c-b34d-4f90-8670-273fe1e9dec3");
  }

  @Test
  void novaShowSingleRowWithoutClosingBarGivesHypervisor() {
    Parsed<ServerShow> p =
        new NovaShowParser()
            .parse(
                Fixtures.seed(Spec.NOVA_SHOW, "nova show", "8851611c-b34d-4f90-8670-273fe1e9dec3"));
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().hypervisorHostname())
        .isEqualTo("68569C29-D21D-B211-BB45-0018E1C5D866");
  }

  @Test
  void cpsHostListRowWithoutHeaderGivesNameAndIps() {
    HostList.CpsHost h =
        new CpsHostListParser()
            .parse(Fixtures.seed(Spec.CPS_HOST_LIST, "cps host-list", ""))
            .value()
            .orElseThrow()
            .hosts()
            .get(0);
    assertThat(h.id()).isEqualTo("68569C29-D21D-B211-BB45-0018E1C5D866");
    assertThat(h.hostname()).isEqualTo("BC11HGSA0");
    assertThat(h.roles()).isEqualTo("blockstorage-driver-kvm002,");
    assertThat(h.status()).isEqualTo("normal");
    assertThat(h.manageIp()).isEqualTo("172.29.0.5");
    assertThat(h.omIp()).isEqualTo("6.27.73.154");
  }

  @Test
  void interfaceListGivesPortNetIpMac() {
    InterfaceList l =
        new NovaInterfaceListParser()
            .parse(
                Fixtures.seed(
                    Spec.NOVA_INTERFACE_LIST,
                    "nova interface-list",
                    "8851611c-b34d-4f90-8670-273fe1e9dec3"))
            .value()
            .orElseThrow();
    assertThat(l.serverId()).isEqualTo("8851611c-b34d-4f90-8670-273fe1e9dec3");
    InterfaceList.VmInterface i = l.interfaces().get(0);
    assertThat(i.portState()).isEqualTo("ACTIVE");
    assertThat(i.portId()).isEqualTo("81e4a23a-4053-40ce-9044-4edbe385b791");
    assertThat(i.netId()).isEqualTo("bef86639-5fee-45a3-8db5-0b20b6363ba2");
    assertThat(i.ips()).containsExactly("10.0.0.17");
    assertThat(i.mac()).contains(new MacAddress("fa:16:3e:29:fb:13"));
  }

  @Test
  void portShowCutAfterTwoRowsGivesAliasWithoutCellPrefix() {
    PortShow p =
        new NeutronPortShowParser()
            .parse(
                Fixtures.seed(
                    Spec.NEUTRON_PORT_SHOW,
                    "neutron port-show",
                    "81e4a23a-4053-40ce-9044-4edbe385b791"))
            .value()
            .orElseThrow();
    assertThat(p.id()).isEqualTo("81e4a23a-4053-40ce-9044-4edbe385b791");
    assertThat(p.aliasId()).isEqualTo("1c65142e-2a4f-4664-b702-2176122a2ea4");
    assertThat(p.adminStateUp()).contains(true);
  }

  @Test
  void netListRowGivesSubnetAndCidr() {
    NetworkList.Network n =
        new NeutronNetListParser()
            .parse(Fixtures.seed(Spec.NEUTRON_NET_LIST, "neutron net-list", ""))
            .value()
            .orElseThrow()
            .networks()
            .get(0);
    assertThat(n.id()).isEqualTo("bef86639-5fee-45a3-8db5-0b20b6363ba2");
    assertThat(n.name()).isEqualTo("subnet-450e");
    assertThat(n.subnets())
        .containsExactly(
            new NetworkList.SubnetRef("0d67a197-449f-47c2-8ed4-037fd3519644", "10.0.0.0/24"));
  }

  @Test
  void routerListRowGivesDistributedNotHa() {
    RouterList.Router r =
        new NeutronRouterListParser()
            .parse(Fixtures.seed(Spec.NEUTRON_ROUTER_LIST, "neutron router-list", ""))
            .value()
            .orElseThrow()
            .routers()
            .get(0);
    assertThat(r.id()).isEqualTo("3da5aa7d-2dc0-4a49-895d-877e92b39256");
    assertThat(r.name()).isEqualTo("vpc-ipv4");
    assertThat(r.distributed()).contains(true);
    assertThat(r.ha()).contains(false);
    assertThat(r.externalGatewayInfo()).contains("85fa82f5-ea84-41ef-884e-b82428719536");
  }

  @Test
  void routerShowRejoinsWrappedGatewayJson() throws Exception {
    RouterShow r =
        new NeutronRouterShowParser()
            .parse(
                Fixtures.seed(
                    Spec.NEUTRON_ROUTER_SHOW,
                    "neutron router-show",
                    "3da5aa7d-2dc0-4a49-895d-877e92b39256"))
            .value()
            .orElseThrow();
    assertThat(r.router().name()).isEqualTo("vpc-ipv4");
    assertThat(r.router().distributed()).contains(true);
    String gw = r.fields().get("external_gateway_info");
    var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(gw);
    assertThat(json.get("external_fixed_ips").get(0).get("ip_address").asString())
        .isEqualTo("::7f00:0:4");
    assertThat(json.get("external_fixed_ips").get(1).get("ip_address").asString())
        .isEqualTo("127.0.0.4");
    assertThat(r.fields().get("order_id")).isEqualTo("20200422065927999548050");
  }
}
