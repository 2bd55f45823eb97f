package io.vmflow.job;

import static io.vmflow.job.RealHostSetEndToEndTest.codes;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotsos DVR compute node (healthy: no finding, see {@link HotsosOpenstackBundleTest}) with one
 * fault put into its router namespace's outputs: each gives its L3 finding on the node's VM, naming
 * the namespace, the device and the evidence line.
 */
class L3FaultsEndToEndTest {

  private static final Path TREE = Path.of("src/test/resources/peers/hotsos/openstack");
  private static final String NET = "sos_commands/networking/";
  private static final String QR = "ip_netns_exec_qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5_";

  @TempDir Path tmp;

  // neutron subnet-show's table (fixtures/neutron_subnet_show) with this node's subnet
  private static String subnetShow(String gateway, String pool) {
    return String.join(
        "\n",
        "+-------------------+------------------------------------------------------+",
        "| Field             | Value                                                |",
        "+-------------------+------------------------------------------------------+",
        "| allocation_pools  | " + pool,
        "| cidr              | 192.168.21.0/24                                      |",
        "| enable_dhcp       | True                                                 |",
        "| gateway_ip        | " + gateway,
        "| id                | 0d67a197-449f-47c2-8ed4-037fd3519644                 |",
        "| network_id        | bef86639-5fee-45a3-8db5-0b20b6363ba2                 |",
        "| tenant_id         | d034846b0c0f4df4b0ef6cae1bd9b306                     |",
        "+-------------------+------------------------------------------------------+",
        "");
  }

  private JsonNode analyseWithSubnet(String gateway, String pool) throws IOException {
    Path extra = tmp.resolve("openstack/sos_commands/neutron");
    Files.createDirectories(extra);
    Files.writeString(
        extra.resolve("neutron_subnet-show_0d67a197-449f-47c2-8ed4-037fd3519644"),
        subnetShow(gateway, pool));
    return analyse("ip_netns", "", "");
  }

  @Test
  void theSubnetsGatewayIpIsTheRouterPortsAddress() throws IOException {
    JsonNode r =
        analyseWithSubnet(
            "192.168.21.1                                         |",
            "{\"start\": \"192.168.21.2\", \"end\": \"192.168.21.254\"} |");
    assertThat(codes(r)).isEmpty();
    JsonNode l3 = r.get("vms").get(0).get("l3Path");
    assertThat(l3.get(0).get("route").asString()).startsWith("default via 192.168.21.1");
    assertThat(l3.get(1).get("device").asString()).isEqualTo("qr-3a70b31c-3f");
  }

  @Test
  void aGatewayIpNoNamespaceOwnsIsAWarning() throws IOException {
    JsonNode r =
        analyseWithSubnet(
            "192.168.21.254                                       |",
            "{\"start\": \"192.168.21.2\", \"end\": \"192.168.21.200\"} |");
    assertThat(codes(r)).containsExactly("L3_GATEWAY_MISSING");
    assertThat(finding(r, "L3_GATEWAY_MISSING").get("message").asString())
        .contains("192.168.21.254", "0d67a197-449f-47c2-8ed4-037fd3519644");
  }

  @Test
  void anAddressOutsideThePoolsOfADhcpSubnetIsAWarning() throws IOException {
    JsonNode r =
        analyseWithSubnet(
            "192.168.21.1                                         |",
            "{\"start\": \"192.168.21.100\", \"end\": \"192.168.21.200\"} |");
    assertThat(codes(r)).containsExactly("L3_ADDRESS_OUTSIDE_POOLS");
  }

  private JsonNode analyse(String file, String from, String to) throws IOException {
    Path tree = tmp.resolve("openstack");
    try (Stream<Path> files = Files.walk(TREE)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = tree.resolve(TREE.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path changed = tree.resolve(NET + file);
    String text = Files.readString(changed);
    assertThat(text).contains(from);
    Files.writeString(changed, text.replace(from, to));
    VmflowMain.run("analyze", tree.toString(), "-o", tmp.resolve("out").toString());
    return JsonMapper.builder().build().readTree(tmp.resolve("out/report.json").toFile());
  }

  private static JsonNode finding(JsonNode report, String code) {
    for (JsonNode f : report.get("findings")) {
      if (f.get("code").asString().equals(code)) {
        return f;
      }
    }
    throw new AssertionError(code + " not in " + codes(report));
  }

  @Test
  void aDownGatewayPortIsAnErrorOnTheVmNamingNamespaceDeviceAndLine() throws IOException {
    JsonNode r =
        analyse(
            QR + "ip_address_show",
            "34: qr-3a70b31c-3f: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state"
                + " UNKNOWN",
            "34: qr-3a70b31c-3f: <BROADCAST,MULTICAST> mtu 1450 qdisc noqueue state DOWN");
    assertThat(codes(r)).containsExactly("L3_ROUTER_PORT_DOWN");
    JsonNode f = finding(r, "L3_ROUTER_PORT_DOWN");
    assertThat(f.get("severity").asString()).isEqualTo("ERROR");
    assertThat(f.get("vmId").asString()).isEqualTo("d1d75e2f-ada4-49bc-a963-528d89dfda25");
    assertThat(f.get("message").asString())
        .contains("qr-3a70b31c-3f", "qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5");
    assertThat(f.get("evidence").get(0).get("origin").asString()).endsWith(QR + "ip_address_show");
    assertThat(f.get("evidence").get(0).get("line").asInt()).isEqualTo(13);
  }

  @Test
  void aFloatingIpWithoutItsSnatRuleIsAnError() throws IOException {
    JsonNode r =
        analyse(
            QR + "iptables-save",
            "-A neutron-l3-agent-float-snat -s 192.168.21.18/32 -j SNAT --to-source 10.100.0.203"
                + " --random-fully\n",
            "");
    assertThat(codes(r)).containsExactly("L3_FIP_NAT_INCOMPLETE");
    assertThat(finding(r, "L3_FIP_NAT_INCOMPLETE").get("message").asString())
        .contains("10.100.0.203", "192.168.21.18", "qrouter-984c22fd");
  }

  @Test
  void theGatewayPortOnAnotherTagThanTheVmIsAnError() throws IOException {
    JsonNode r =
        analyse(
            "../openvswitch/ovs-vsctl_-t_5_show",
            "        Port qr-3a70b31c-3f\n            tag: 3\n",
            "        Port qr-3a70b31c-3f\n            tag: 7\n");
    assertThat(codes(r)).contains("L3_ROUTER_PORT_VLAN");
    JsonNode f = finding(r, "L3_ROUTER_PORT_VLAN");
    assertThat(f.get("message").asString()).contains("qr-3a70b31c-3f", "tag 7", "tag 3");
  }
}
