package io.vmflow.job;

import static io.vmflow.job.RealHostSetEndToEndTest.codes;
import static io.vmflow.job.RealHostSetEndToEndTest.hops;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vmflow.cli.VmflowMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * hotsos's {@code fake_data_root/openstack} tree (a compute and network node, compute4; the files
 * of it vmflow has a parser for, at their sos paths under peers/hotsos/openstack, see SOURCE.md)
 * analysed as one sosreport: every file is read, the host page shows the node's bridges and its one
 * VM (known from libvirt's status file alone, no controller output), and nothing is reported that
 * the data does not support.
 */
class HotsosOpenstackBundleTest {

  private static final Path TREE = Path.of("src/test/resources/peers/hotsos/openstack");

  @TempDir static Path tmp;

  private static JsonNode report;
  private static int exit;

  @BeforeAll
  static void analyse() throws IOException {
    exit = VmflowMain.run("analyze", TREE.toString(), "-o", tmp.resolve("out").toString());
    report = JsonMapper.builder().build().readTree(tmp.resolve("out/report.json").toFile());
  }

  @Test
  void everyFileOfTheTreeIsRead() throws IOException {
    List<String> read = new ArrayList<>();
    report.get("evidencePages").propertyNames().forEach(read::add);
    try (Stream<Path> files = Files.walk(TREE)) {
      List<String> expected =
          files
              .filter(Files::isRegularFile)
              .map(f -> "openstack/" + TREE.relativize(f).toString().replace('\\', '/'))
              .toList();
      assertThat(read).containsAll(expected);
    }
  }

  @Test
  void theNodeIsOneHostWithItsBridges() {
    assertThat(report.get("hosts")).hasSize(1);
    JsonNode host = report.get("hosts").get(0);
    assertThat(host.get("name").asString()).isEqualTo("compute4");
    List<String> bridges = new ArrayList<>();
    host.get("bridges").forEach(b -> bridges.add(b.get("name").asString()));
    assertThat(bridges)
        .containsExactlyInAnyOrder("br-ens3", "br-data", "br-tun", "br-ex", "br-int");
    // hotsos test_get_network_checker: br-ens3 holds 10.0.0.128
    List<String> ips = new ArrayList<>();
    host.get("ips").forEach(i -> ips.add(i.asString()));
    assertThat(ips).contains("10.0.0.128");
  }

  @Test
  void theLibvirtDomainIsTheNodesVmOnItsPathThroughBrIntAndBrTun() {
    // hotsos test_nova_instances: the one instance, d1d75e2f-...
    assertThat(report.get("vms")).hasSize(1);
    JsonNode vm = report.get("vms").get(0);
    assertThat(vm.get("id").asString()).isEqualTo("d1d75e2f-ada4-49bc-a963-528d89dfda25");
    assertThat(vm.get("name").asString()).isEqualTo("instance-00000001");
    assertThat(vm.get("host").get("key").asString()).isEqualTo("compute4");
    assertThat(vm.get("ports").get(0).get("mac").asString()).isEqualTo("fa:16:3e:a7:45:cb");
    assertThat(hops(vm))
        .startsWith(
            tuple("tap0e778df8-ca", "TAP", "br-int", 3, "fe:16:3e:a7:45:cb"),
            tuple("br-int", "INTEGRATION_BRIDGE", "", -1, ""),
            tuple("patch-tun", "PATCH", "br-int", -1, ""),
            tuple("patch-int", "PATCH", "br-tun", -1, ""),
            tuple("br-tun", "TUNNEL_BRIDGE", "", -1, ""));
    List<String> tunnels = new ArrayList<>();
    vm.get("hops")
        .forEach(
            h -> {
              if (h.get("kind").asString().equals("TUNNEL")) {
                tunnels.add(h.get("device").asString() + " " + h.get("peer").asString());
              }
            });
    // hotsos test_summary_tunnels: two vxlan remotes
    assertThat(tunnels)
        .containsExactlyInAnyOrder("vxlan-0a000072 10.0.0.114", "vxlan-0a000085 10.0.0.133");
  }

  @Test
  void theHostPageListsTheVmAndTheBridges() throws IOException {
    String page = Files.readString(tmp.resolve("out/host-compute4.html"));
    assertThat(page)
        .contains("href=\"vm-d1d75e2f-ada4-49bc-a963-528d89dfda25.html\"")
        .contains("instance-00000001")
        .contains("br-int", "br-tun", "br-data", "br-ex", "br-ens3");
  }

  @Test
  void nothingIsReportedThatTheDataDoesNotSupport() {
    assertThat(exit).isZero();
    assertThat(codes(report)).isEmpty();
  }

  @Test
  void theVmsRoutedPathGoesThroughItsDvrRouterToTheFloatingIpNamespace() {
    JsonNode vm = report.get("vms").get(0);
    List<String> path = new ArrayList<>();
    vm.get("l3Path")
        .forEach(
            h ->
                path.add(
                    h.get("kind").asString()
                        + " "
                        + h.get("device").asString()
                        + " "
                        + h.get("namespace").asString()
                        + " "
                        + h.get("ip").asString()));
    // the router's ARP entry for the VM's MAC gives its address; qr- owns the gateway
    // 192.168.21.1; the DNAT/SNAT pair makes 10.100.0.203 its floating IP, routed by table 16
    // through rfp- to the fip- namespace, whose fg- port leaves towards 10.100.0.1
    assertThat(path)
        .containsExactly(
            "VM tap0e778df8-ca  192.168.21.18",
            "GATEWAY qr-3a70b31c-3f qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5 192.168.21.1",
            "ROUTER rfp-984c22fd-6 qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5 169.254.88.135",
            "FIP fpr-984c22fd-6 fip-32981f34-497a-4fae-914a-8576055c8d0d 169.254.88.135",
            "EXTERNAL_GATEWAY fg-c8dcce74-c4 fip-32981f34-497a-4fae-914a-8576055c8d0d 10.100.0.1");
    assertThat(vm.get("l3Path").get(2).get("route").asString())
        .isEqualTo(
            "default via 169.254.88.135 dev rfp-984c22fd-6 table 16 (floating IP 10.100.0.203)");
    assertThat(vm.get("l3Path").get(1).get("bridge").asString()).isEqualTo("br-int");
  }
}
