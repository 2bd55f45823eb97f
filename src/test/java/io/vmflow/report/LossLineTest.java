package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossLineTest {

  private static final String WHERE = "the link between qbr1 and tap1 on compute-a";
  private static final String RULE = "an nftables DROP rule in chain forward … has dropped 22";

  private static LossLine reply(String peerId, String peer, long lost, String why) {
    return new LossLine(
        "vm1", "lab-vm1", peerId, peer, false, true, lost, 20, "", WHERE, why, null, "next");
  }

  @Test
  void lossesThatDifferOnlyByPeerAreOneLineWithEachPeersShare() {
    List<Verdict.Line> lines =
        LossLine.grouped(
            List.of(
                reply("vm2", "lab-vm2", 7, RULE),
                reply("", "172.24.4.1", 7, RULE),
                reply("", "10.20.0.1", 5, RULE),
                reply("vm3", "lab-vm3", 3, RULE)));

    assertThat(lines).hasSize(1);
    Verdict.Line line = lines.get(0);
    assertThat(line.what())
        .isEqualTo(
            "22 of 80 echo replies to lab-vm1 lost, from 4 peers: lab-vm2 (7 of 20), 172.24.4.1"
                + " (7 of 20), 10.20.0.1 (5 of 20), lab-vm3 (3 of 20)");
    assertThat(line.vmId()).isEqualTo("vm1");
    assertThat(line.peerVmId()).isEqualTo("vm2");
    assertThat(line.peerName()).isEqualTo("lab-vm2");
    assertThat(line.peerVmIds()).containsExactly("vm2", "vm3");
    assertThat(line.why()).isEqualTo(RULE);
    assertThat(new Verdict(lines, "").about("vm3")).containsExactly(line);
  }

  @Test
  void aDifferentCauseOrSegmentIsItsOwnLine() {
    LossLine elsewhere =
        new LossLine(
            "vm1", "lab-vm1", "vm3", "lab-vm3", false, true, 3, 20, "", "br-int", RULE, null,
            "next");
    List<Verdict.Line> lines =
        LossLine.grouped(
            List.of(reply("vm2", "lab-vm2", 7, RULE), reply("", "10.20.0.1", 5, ""), elsewhere));

    assertThat(lines)
        .extracting(Verdict.Line::what)
        .containsExactly(
            "7 of 20 echo replies from lab-vm2 to lab-vm1 lost",
            "5 of 20 echo replies from 10.20.0.1 to lab-vm1 lost",
            "3 of 20 echo replies from lab-vm3 to lab-vm1 lost");
    assertThat(lines.get(1).peerVmIds()).isEmpty();
    assertThat(lines.get(1).peerName()).isEmpty();
  }

  @Test
  void eachDirectionReadsFromTheVmTheLineIsAbout() {
    // requests from lab-vm1 (the line's VM) and from two peers to lab-vm2's dead tap
    LossLine sent =
        new LossLine(
            "vm1", "lab-vm1", "vm2", "lab-vm2", false, false, 20, 20, "", WHERE, "", null, "");
    LossLine toTap1 =
        new LossLine(
            "vm2", "lab-vm2", "vm1", "lab-vm1", true, false, 20, 20, "", "tap2", "", null, "");
    LossLine toTap3 =
        new LossLine(
            "vm2", "lab-vm2", "vm3", "lab-vm3", true, false, 10, 10, "", "tap2", "", null, "");
    LossLine answered =
        new LossLine(
            "vm2", "lab-vm2", "vm1", "lab-vm1", true, true, 4, 20, "", "qvo2", "", null, "");

    assertThat(LossLine.grouped(List.of(sent, toTap1, toTap3, answered)))
        .extracting(Verdict.Line::what)
        .containsExactly(
            "20 of 20 echo requests from lab-vm1 to lab-vm2 lost",
            "30 of 30 echo requests to lab-vm2 lost, from 2 peers: lab-vm1 (20 of 20), lab-vm3"
                + " (10 of 10)",
            "4 of 20 echo replies from lab-vm2 to lab-vm1 lost");
  }

  @Test
  void twoPingIdsToOnePeerAreOnePeer() {
    List<Verdict.Line> lines =
        LossLine.grouped(
            List.of(reply("vm2", "lab-vm2", 7, RULE), reply("vm2", "lab-vm2", 5, RULE)));

    assertThat(lines)
        .singleElement()
        .extracting(Verdict.Line::what)
        .isEqualTo("12 of 40 echo replies from lab-vm2 to lab-vm1 lost");
  }
}
