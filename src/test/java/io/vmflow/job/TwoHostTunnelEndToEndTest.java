package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two compute nodes in sosreport layout, a VM on each, br-tun vxlan ports pointing at each other
 * (and one stale tunnel to an address no node owns), plus the controller's session: each VM's path
 * continues through its tunnel onto the peer node.
 */
class TwoHostTunnelEndToEndTest {

  @Test
  void pathContinuesOnThePeerHost(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("incident"));
    node(bundle, "compute-a", "192.168.50.11", "aaaaaaaa-11", "192.168.50.12", "vxlan-c0a8320c");
    node(bundle, "compute-b", "192.168.50.12", "bbbbbbbb-22", "192.168.50.11", "vxlan-c0a8320b");
    Files.writeString(
        bundle.resolve("controller-session.txt"),
        String.join(
            "\n",
            "ctl:~ # nova show 11111111-0000-4000-8000-00000000000a",
            "| OS-EXT-SRV-ATTR:hypervisor_hostname | compute-a |",
            "ctl:~ # nova interface-list 11111111-0000-4000-8000-00000000000a",
            "| ACTIVE     | aaaaaaaa-1111-4000-8000-000000000001 | 99999999-0000-4000-8000-000000000009 | 10.0.0.5     | fa:16:3e:00:00:05 |",
            "ctl:~ # nova show 22222222-0000-4000-8000-00000000000b",
            "| OS-EXT-SRV-ATTR:hypervisor_hostname | compute-b |",
            "ctl:~ # nova interface-list 22222222-0000-4000-8000-00000000000b",
            "| ACTIVE     | bbbbbbbb-2222-4000-8000-000000000002 | 99999999-0000-4000-8000-000000000009 | 10.0.0.6     | fa:16:3e:00:00:06 |",
            ""));
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    JsonNode vmA = null;
    for (JsonNode v : report.get("vms")) {
      if (v.get("id").asString().endsWith("0a")) {
        vmA = v;
      }
    }
    List<String> path = new ArrayList<>();
    vmA.get("hops")
        .forEach(h -> path.add(h.get("device").asString() + "@" + h.get("host").asString()));
    assertThat(path)
        .containsSubsequence(
            "tapaaaaaaaa-11@compute-a",
            "qbraaaaaaaa-11@compute-a",
            "qvbaaaaaaaa-11@compute-a",
            "qvoaaaaaaaa-11@compute-a",
            "br-int@compute-a",
            "patch-tun@compute-a",
            "patch-int@compute-a",
            "br-tun@compute-a",
            "vxlan-c0a8320c@compute-a",
            "compute-b@compute-b",
            "vxlan-c0a8320b@compute-b",
            "br-tun@compute-b",
            "br-int@compute-b");
    assertThat(vmA.get("host").get("name").asString()).isEqualTo("compute-a");
    List<String> codes = new ArrayList<>();
    report
        .get("findings")
        .forEach(f -> codes.add(f.get("code").asString() + ":" + f.get("message").asString()));
    assertThat(codes)
        .anyMatch(c -> c.startsWith("TUNNEL_REMOTE_UNKNOWN") && c.contains("192.168.50.99"));
    assertThat(codes)
        .noneMatch(
            c ->
                c.startsWith("TUNNEL_REMOTE_UNKNOWN")
                    && (c.contains("192.168.50.11") || c.contains("192.168.50.12")));
  }

  private static void node(
      Path bundle, String host, String ip, String dev, String peerIp, String tunnel)
      throws Exception {
    Path sos =
        Files.createDirectories(
            bundle.resolve("sosreport-" + host + "-2024-05-01-xyzxyzx/sos_commands"));
    Files.createDirectories(sos.resolve("host"));
    Files.writeString(sos.resolve("host/hostname"), host + "\n");
    Files.createDirectories(sos.resolve("networking"));
    Files.writeString(
        sos.resolve("networking/ip_-d_address"),
        String.join(
            "\n",
            "3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000",
            "    link/ether 52:54:00:12:34:"
                + ip.substring(ip.length() - 2)
                + " brd ff:ff:ff:ff:ff:ff",
            "    inet " + ip + "/24 brd 192.168.50.255 scope global eth1",
            ""));
    Files.createDirectories(sos.resolve("bridge"));
    Files.writeString(
        sos.resolve("bridge/brctl_show"),
        "bridge name\tbridge id\t\tSTP enabled\tinterfaces\nqbr"
            + dev
            + "\t\t8000.0a0000000001\tno\t\tqvb"
            + dev
            + "\n\t\t\t\t\t\t\ttap"
            + dev
            + "\n");
    Files.createDirectories(sos.resolve("openvswitch"));
    Files.writeString(
        sos.resolve("openvswitch/ovs-vsctl_-t_5_show"),
        String.join(
            "\n",
            "0a1b2c3d-0000-4000-8000-000000000000",
            "    Bridge br-int",
            "        fail_mode: secure",
            "        Port qvo" + dev,
            "            tag: 1",
            "            Interface qvo" + dev,
            "        Port patch-tun",
            "            Interface patch-tun",
            "                type: patch",
            "                options: {peer=patch-int}",
            "    Bridge br-tun",
            "        Port patch-int",
            "            Interface patch-int",
            "                type: patch",
            "                options: {peer=patch-tun}",
            "        Port " + tunnel,
            "            Interface " + tunnel,
            "                type: vxlan",
            "                options: {df_default=\"true\", in_key=flow, local_ip=\""
                + ip
                + "\", out_key=flow, remote_ip=\""
                + peerIp
                + "\"}",
            "        Port vxlan-c0a83263",
            "            Interface vxlan-c0a83263",
            "                type: vxlan",
            "                options: {df_default=\"true\", in_key=flow, local_ip=\""
                + ip
                + "\", out_key=flow, remote_ip=\"192.168.50.99\"}",
            "    ovs_version: \"2.17.9\"",
            ""));
  }
}
