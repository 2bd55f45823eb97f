package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code vmflow parse} tells each real output's kind from its content alone (file names hidden).
 */
class KindDetectionTest {

  static Stream<Arguments> realFiles() throws IOException {
    return Stream.of(
            folder("brctl_show", Spec.BRCTL_SHOW),
            folder("ovs_vsctl_show", Spec.OVS_VSCTL_SHOW),
            folder("ovs_appctl_fdb_show", Spec.OVS_APPCTL_FDB_SHOW),
            folder("ovs_ofctl_dump_flows", Spec.OVS_OFCTL_DUMP_FLOWS),
            folder("ovs_dpctl_show", Spec.OVS_DPCTL_SHOW),
            folder("ovs_ofctl_show", Spec.OVS_OFCTL_SHOW),
            folder("bridge_link_show", Spec.BRIDGE_LINK_SHOW),
            folder("bridge_fdb_show", Spec.BRIDGE_FDB_SHOW),
            cli("calipso_virsh_list.txt", Spec.VIRSH_LIST),
            cli("9506hqwy_ovs-vlan_virsh_list.txt", Spec.VIRSH_LIST),
            cli("benschw-blog-2014_neutron_subnet-list_tab_indented.txt", Spec.NEUTRON_SUBNET_LIST),
            cli("neutron-doc_openstack_subnet_list.txt", Spec.OPENSTACK_SUBNET_LIST),
            cli("neutron-doc_openstack_router_list.txt", Spec.OPENSTACK_ROUTER_LIST),
            cli("neutron-doc-2018_neutron_net-show.txt", Spec.OPENSTACK_NETWORK_SHOW),
            cli("9506hqwy_net-ovs-vlan_openstack_network_create.txt", Spec.OPENSTACK_NETWORK_SHOW),
            cli("yeasy_neutron_port-list.txt", Spec.NEUTRON_PORT_LIST),
            cli(
                "networking-ovn-doc-2015_neutron_port-list_json_fixed_ips.txt",
                Spec.NEUTRON_PORT_LIST))
        .flatMap(s -> s);
  }

  private static Stream<Arguments> cli(String name, Spec expected) {
    Path p = Path.of("src/test/resources/fixtures/openstack_cli", name);
    return Stream.of(Arguments.of(name, p, expected));
  }

  private static Stream<Arguments> folder(String name, Spec expected) throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures", name))) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
      return list.stream().map(p -> Arguments.of(p.getFileName().toString(), p, expected));
    }
  }

  /** Names sos gives these outputs (hotsos' real sosreport listing, insights-core's sos specs). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "sos_commands/networking/bridge_-s_-s_-d_link_show, BRIDGE_LINK_SHOW",
    "sos_commands/networking/bridge_-s_-s_-d_-t_fdb_show, BRIDGE_FDB_SHOW",
    "sos_commands/networking/bridge_-d_link_show, BRIDGE_LINK_SHOW",
    "sos_commands/virsh/virsh_-r_list_--all, VIRSH_LIST",
    "commands/neutron_subnet-list, NEUTRON_SUBNET_LIST",
    "commands/openstack_subnet_list, OPENSTACK_SUBNET_LIST",
    "commands/openstack_router_list, OPENSTACK_ROUTER_LIST",
    "commands/openstack_network_show_provider-100, OPENSTACK_NETWORK_SHOW",
    "commands/neutron_port-list, NEUTRON_PORT_LIST"
  })
  void sosFileNamesMapToTheirKind(String path, Spec expected) {
    assertThat(KindDetection.detect(Path.of(path), List.of())).contains(expected);
  }

  @Test
  void otherBridgeOutputsAreNotTakenForLinkOrFdb() {
    assertThat(
            KindDetection.detect(Path.of("sos_commands/networking/bridge_-d_vlan_show"), List.of()))
        .isEmpty();
    assertThat(
            KindDetection.detect(
                Path.of("sos_commands/networking/bridge_-s_-s_-d_-t_mdb_show"), List.of()))
        .isEmpty();
  }

  @Test
  void openstackJsonAndShellFormsByTheirKeys() {
    assertThat(
            KindDetection.detect(
                Path.of("out1.txt"),
                List.of("binding_host_id=\"compute01\"", "mac_address=\"fa:16:3e:fe:92:5d\"")))
        .contains(Spec.OPENSTACK_PORT_SHOW);
    assertThat(
            KindDetection.detect(
                Path.of("out1.txt"),
                List.of(
                    "OS_EXT_SRV_ATTR_host=\"compute01\"",
                    "id=\"da861f02-dad6-45e8-b82a-554204302958\"")))
        .contains(Spec.OPENSTACK_SERVER_SHOW);
    assertThat(
            KindDetection.detect(
                Path.of("out1.txt"),
                List.of(
                    "[",
                    "  {",
                    "    \"ID\": \"c5c9f5c2-145d-46d2-a513-cf675530eaed\",",
                    "    \"Name\": \"private-subnet\",",
                    "    \"Network\": \"713bae25-8276-4e0a-a453-e59a1d65425a\",",
                    "    \"Subnet\": \"10.0.0.0/24\"",
                    "  }",
                    "]")))
        .contains(Spec.OPENSTACK_SUBNET_LIST);
    assertThat(
            KindDetection.detect(
                Path.of("out1.txt"),
                List.of(
                    "{\"id\": \"d46c9e95-3ec9-4066-a5f4-6fb6aa96d386\", \"provider:network_type\": \"vlan\"}")))
        .contains(Spec.OPENSTACK_NETWORK_SHOW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  void detectsKindFromContent(String name, Path file, Spec expected) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.stream()
        .allMatch(l -> l.isBlank() || l.trim().toLowerCase().startsWith("port  vlan"))) {
      return; // a header-only fdb dump has no rows to tell by: nothing to detect
    }
    assertThat(KindDetection.detect(Path.of("out1.txt"), lines)).contains(expected);
  }
}
