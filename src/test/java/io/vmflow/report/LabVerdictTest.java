package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The verdict's first line on real lab runs (src/test/resources/verdict/SOURCE.md). */
class LabVerdictTest {

  @TempDir Path tmp;

  private Path analyse(String scenario) {
    Path dir = Path.of("src/test/resources/verdict", scenario);
    Path out = tmp.resolve(scenario);
    int exit =
        VmflowMain.run(
            "analyze",
            dir.resolve("compute-a.tar.gz").toString(),
            dir.resolve("compute-b.tar.gz").toString(),
            dir.resolve("controller.tar.gz").toString(),
            "-o",
            out.toString());
    assertThat(exit).isNotEqualTo(2);
    return out;
  }

  private static JsonNode lines(Path out) {
    return JsonMapper.builder()
        .build()
        .readTree(out.resolve("report.json").toFile())
        .get("verdict")
        .get("lines");
  }

  // one hand-made nft rule on lab-vm1's bridge drops a random 30 % of its ICMP, and the replies
  // from all four peers die at the same link: said once, with the total (equal to the rule's
  // counter), each peer's share, and a "next" for a rule neutron did not write
  @Test
  void oneRuleDroppingRepliesFromEveryPeerIsOneVerdictLine() throws Exception {
    Path out = analyse("fw-random");
    JsonNode lines = lines(out);
    JsonNode first = lines.get(0);
    assertThat(first.get("what").asString())
        .isEqualTo(
            "22 of 80 echo replies to lab-vm1 lost, from 4 peers: lab-vm2 (7 of 20), 172.24.4.1"
                + " (7 of 20), 10.20.0.1 (5 of 20), lab-vm3 (3 of 20)");
    assertThat(first.get("where").asString())
        .isEqualTo("the link between qbr3f1a2b4c-5d and tap3f1a2b4c-5d on compute-a");
    assertThat(first.get("why").asString())
        .startsWith("an nftables DROP rule in chain forward (bridge vmflowfw, compute-a)")
        .contains("has dropped 22 packets");
    assertThat(first.get("next").asString())
        .contains("not in a chain neutron's agents write")
        .contains("nft -a list chain bridge vmflowfw forward");
    assertThat(
            lines.valueStream().filter(l -> l.get("code").asString().equals("PING_LOSS_LOCALISED")))
        .hasSize(1);
    // lab-vm3's page shows the line too: it is one of the peers
    String vm3 = Files.readString(out.resolve("vm-33333333-aaaa-4bbb-8ccc-000000000003.html"));
    assertThat(vm3).contains("22 of 80 echo replies to lab-vm1 lost").contains("affected: peer of");
  }

  // the underlay NIC's MTU leaves no room for VXLAN's 50 bytes: the line says only the large pings
  // died, and "where" is the tunnel between the two hosts, not every bridge and patch port
  @Test
  void largePingsLostAcrossATunnelSayTheirSizeAndTheTunnel() {
    JsonNode first = lines(analyse("underlay-mtu")).get(0);
    assertThat(first.get("what").asString())
        .isEqualTo(
            "20 of 20 echo requests from lab-vm1 to lab-vm3 lost (1428-byte packets; 84-byte pings"
                + " between them were answered)");
    assertThat(first.get("where").asString())
        .isEqualTo(
            "br-int on compute-a → vxlan-c000020c → vxlan-c000020b → br-int on compute-b, between"
                + " qvo3f1a2b4c-5d and qvob4c5d6e7-f8");
    assertThat(first.get("why").asString()).contains("eth1").contains("has MTU 1400");
  }
}
