package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/** openstack client outputs from shared/realdata/openstack-cli, table and JSON forms. */
class OpenstackParsersTest {

  @Test
  void serverListTable() {
    ServerList s = new OpenstackParsers.ServerListParser().parse(Fixtures.file(Spec.OPENSTACK_SERVER_LIST, "openstack_cli", "9506hqwy_ovs-vlan_openstack_server_list.txt", "")).value().orElseThrow();
    ServerList.Server vm = s.servers().get(0);
    assertThat(vm.id()).isEqualTo("da861f02-dad6-45e8-b82a-554204302958");
    assertThat(vm.name()).isEqualTo("instance01");
    assertThat(vm.status()).isEqualTo("ACTIVE");
    assertThat(vm.ips()).containsExactly("192.168.100.200");
  }

  @Test
  void portListTableWithOpenstackClientFixedIps() {
    PortList p = new OpenstackParsers.PortListParser().parse(Fixtures.file(Spec.OPENSTACK_PORT_LIST, "openstack_cli", "9506hqwy_net-ovs-vlan_openstack_port_list.txt", "")).value().orElseThrow();
    PortList.PortRow row = p.ports().get(0);
    assertThat(row.id()).isEqualTo("52b1b85b-8ec4-42a9-865d-17580e88460b");
    assertThat(row.mac()).contains(new MacAddress("fa:16:3e:fe:92:5d"));
    assertThat(row.fixedIps()).containsExactly(new PortShow.FixedIp("e91d180c-dae7-4ef2-9de6-8dce494c275f", "192.168.100.1"));
  }

  @Test
  void networkListGivesSubnetIds() {
    NetworkList n = new OpenstackParsers.NetworkListParser().parse(Fixtures.file(Spec.OPENSTACK_NETWORK_LIST, "openstack_cli", "neutron-doc_openstack_network_list.txt", "")).value().orElseThrow();
    assertThat(n.networks()).extracting(NetworkList.Network::name).containsExactly("public", "private");
    assertThat(n.network("713bae25-8276-4e0a-a453-e59a1d65425a").orElseThrow().subnets()).extracting(NetworkList.SubnetRef::id)
        .containsExactly("6fa3bab9-103e-45d5-872c-91f21b52ceda", "c5c9f5c2-145d-46d2-a513-cf675530eaed");
  }

  @Test
  void serverShowJsonForm() {
    ServerShow s = new OpenstackParsers.ServerShowParser().parse(Fixtures.text(Spec.OPENSTACK_SERVER_SHOW, "x",
        "{", "  \"id\": \"da861f02-dad6-45e8-b82a-554204302958\",", "  \"name\": \"instance01\",", "  \"status\": \"ACTIVE\",",
        "  \"OS-EXT-SRV-ATTR:hypervisor_hostname\": \"compute01.example\"", "}")).value().orElseThrow();
    assertThat(s.id()).isEqualTo("da861f02-dad6-45e8-b82a-554204302958");
    assertThat(s.hypervisorHostname()).isEqualTo("compute01.example");
  }

  @Test
  void serverListShellAndJsonListForms() {
    ServerList s = new OpenstackParsers.ServerListParser().parse(Fixtures.text(Spec.OPENSTACK_SERVER_LIST, "",
        "[{\"ID\": \"da861f02-dad6-45e8-b82a-554204302958\", \"Name\": \"vm1\", \"Status\": \"ACTIVE\", \"Networks\": {\"net1\": [\"10.0.0.5\"]}}]")).value().orElseThrow();
    assertThat(s.servers().get(0).name()).isEqualTo("vm1");
    assertThat(s.servers().get(0).ips()).containsExactly("10.0.0.5");
  }
}
