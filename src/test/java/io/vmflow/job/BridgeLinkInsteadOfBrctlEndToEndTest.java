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
 * A compute node whose sosreport, like recent sos, has {@code bridge -s -s -d link show} and {@code
 * bridge -s -s -d -t fdb show} but no {@code brctl show}: the VM's hybrid path still has its qbr
 * hop, evidenced by the bridge link lines, and the qbr's FDB entries reach the host. The lines
 * follow the real hotsos sos file's format (fixtures/bridge_link_show) with OpenStack device names.
 */
class BridgeLinkInsteadOfBrctlEndToEndTest {

  @Test
  void qbrHopComesFromBridgeLink(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("incident"));
    Path sos =
        Files.createDirectories(
            bundle.resolve("sosreport-compute-a-2024-05-01-xyzxyzx/sos_commands"));
    Files.createDirectories(sos.resolve("host"));
    Files.writeString(sos.resolve("host/hostname"), "compute-a\n");
    Files.createDirectories(sos.resolve("networking"));
    String detail =
        "    hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on mcast_to_unicast off neigh_suppress off vlan_tunnel off isolated off ";
    Files.writeString(
        sos.resolve("networking/bridge_-s_-s_-d_link_show"),
        String.join(
            "\n",
            "2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br-ens3 state forwarding priority 32 cost 100 ",
            detail + "ens3",
            "10: qvbaaaaaaaa-11@qvoaaaaaaaa-11: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 master qbraaaaaaaa-11 state forwarding priority 32 cost 2 ",
            detail + "qvbaaaaaaaa-11",
            "12: tapaaaaaaaa-11: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 master qbraaaaaaaa-11 state forwarding priority 32 cost 100 ",
            detail + "tapaaaaaaaa-11",
            ""));
    Files.writeString(
        sos.resolve("networking/bridge_-s_-s_-d_-t_fdb_show"),
        String.join(
            "\n",
            "fa:16:3e:00:00:05 dev tapaaaaaaaa-11 used 3/3 master qbraaaaaaaa-11 ",
            "fe:16:3e:00:00:05 dev tapaaaaaaaa-11 vlan 1 used 5000/5000 master qbraaaaaaaa-11 permanent",
            "33:33:00:00:00:01 dev tapaaaaaaaa-11 self permanent",
            ""));
    Files.createDirectories(sos.resolve("openvswitch"));
    Files.writeString(
        sos.resolve("openvswitch/ovs-vsctl_-t_5_show"),
        String.join(
            "\n",
            "0a1b2c3d-0000-4000-8000-000000000000",
            "    Bridge br-int",
            "        Port qvoaaaaaaaa-11",
            "            tag: 1",
            "            Interface qvoaaaaaaaa-11",
            "    ovs_version: \"2.17.9\"",
            ""));
    Files.writeString(
        bundle.resolve("controller-session.txt"),
        String.join(
            "\n",
            "ctl:~ # nova show 11111111-0000-4000-8000-00000000000a",
            "| OS-EXT-SRV-ATTR:hypervisor_hostname | compute-a |",
            "ctl:~ # nova interface-list 11111111-0000-4000-8000-00000000000a",
            "| ACTIVE     | aaaaaaaa-1111-4000-8000-000000000001 | 99999999-0000-4000-8000-000000000009 | 10.0.0.5     | fa:16:3e:00:00:05 |",
            ""));
    Path out = tmp.resolve("out");
    VmflowMain.run("analyze", bundle.toString(), "-o", out.toString());
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    JsonNode vm = report.get("vms").get(0);
    List<String> path = new ArrayList<>();
    JsonNode qbr = null;
    for (JsonNode h : vm.get("hops")) {
      path.add(h.get("device").asString() + (h.get("present").asBoolean() ? "" : "?"));
      qbr = h.get("device").asString().equals("qbraaaaaaaa-11") ? h : qbr;
    }
    assertThat(path)
        .containsSubsequence(
            "tapaaaaaaaa-11", "qbraaaaaaaa-11", "qvbaaaaaaaa-11", "qvoaaaaaaaa-11", "br-int");
    assertThat(qbr.get("evidence").get(0).get("origin").asString())
        .endsWith("networking/bridge_-s_-s_-d_link_show");
    assertThat(qbr.get("evidence").get(0).get("line").asInt()).isEqualTo(3);
    JsonNode host = null;
    for (JsonNode h : report.get("hosts")) {
      host = h.get("key").asString().equals("compute-a") ? h : host;
    }
    List<String> coverage = new ArrayList<>();
    host.get("coverage")
        .forEach(c -> coverage.add(c.get("spec").asString() + "=" + c.get("state").asString()));
    assertThat(coverage).contains("brctl_show=present");
    List<String> fdb = new ArrayList<>();
    host.get("fdb")
        .forEach(
            f ->
                fdb.add(
                    f.get("bridge").asString()
                        + "/"
                        + f.get("port").asString()
                        + "/"
                        + f.get("mac").asString()));
    assertThat(fdb)
        .containsExactly(
            "qbraaaaaaaa-11/tapaaaaaaaa-11/fa:16:3e:00:00:05",
            "qbraaaaaaaa-11/tapaaaaaaaa-11/fe:16:3e:00:00:05");
  }
}
