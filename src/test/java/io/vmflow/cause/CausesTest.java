package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.B;
import static io.vmflow.cause.LabFacts.VM1;
import static io.vmflow.cause.LabFacts.VM2;
import static io.vmflow.cause.LabFacts.VM3;
import static io.vmflow.cause.LabFacts.fact;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Category;
import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Fact;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Causes on the lab's real dumps: each fault named, with its rule or device, linked to the loss.
 */
class CausesTest {

  // vm3's replies to vm1 across the tunnel, lost between vm3's qvo and vm1's qvo
  static final LossCase REPLY_FROM_VM3 =
      new LossCase(
          "vm1-id",
          "20 of 20 echo replies ... lost inside br-int, ...",
          "reply",
          "10.20.0.11",
          "10.20.0.13",
          List.of(
              "qvo" + VM3,
              "br-int",
              "patch-tun",
              "vxlan-c000020b",
              "vxlan-c000020c",
              "patch-tun",
              "br-int",
              "qvo" + VM1),
          List.of(B, B, B, B, A, A, A, A));

  @Test
  void replyDropByInPortAndIcmpTypeIsNamedAndLinked() {
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(
                fact(A, "reply-drop-inport_ovs-ofctl_dump-flows_br-int"),
                fact(A, "reply-drop-inport_ovs-ofctl_show_br-int")),
            List.of(),
            List.of(REPLY_FROM_VM3));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_DROPS_VM_TRAFFIC");
              assertThat(f.message())
                  .contains("br-int", "compute-a", "priority 200", "in_port=1", "icmp_type=0")
                  .contains("in_port 1 (patch-tun)");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.vmId()).isEqualTo("vm1-id");
            });
    assertThat(r.links()).singleElement().satisfies(l -> assertThat(l.causes()).hasSize(1));
  }

  @Test
  void aPathNamingBridgesEntersThroughThePatchPortWhosePeerIsOnTheBridgeBefore() {
    io.vmflow.topology.BridgePort patchTun =
        new io.vmflow.topology.BridgePort(
            "patch-tun",
            "1",
            -1,
            List.of(),
            "patch",
            "patch-int",
            "",
            "",
            false,
            "",
            true,
            List.of());
    io.vmflow.topology.BridgePort patchInt =
        new io.vmflow.topology.BridgePort(
            "patch-int",
            "1",
            -1,
            List.of(),
            "patch",
            "patch-tun",
            "",
            "",
            false,
            "",
            true,
            List.of());
    io.vmflow.topology.Host a =
        new io.vmflow.topology.Host(
            A,
            "",
            A,
            List.of(),
            List.of(
                new io.vmflow.topology.Bridge(
                    "br-int", io.vmflow.topology.Bridge.Kind.OVS, List.of(patchTun), List.of()),
                new io.vmflow.topology.Bridge(
                    "br-tun", io.vmflow.topology.Bridge.Kind.OVS, List.of(patchInt), List.of())),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    io.vmflow.topology.Topology t =
        new io.vmflow.topology.Topology(List.of(a), LabFacts.topology().vms(), List.of());
    LossCase viaBridges =
        new LossCase(
            "vm1-id",
            "s",
            "reply",
            "10.20.0.11",
            "10.20.0.13",
            List.of("br-tun", "br-int", "qvo" + VM1),
            List.of(A, A, A));
    Causes.Result r =
        Causes.explain(
            t,
            List.of(
                fact(A, "reply-drop-inport_ovs-ofctl_dump-flows_br-int"),
                fact(A, "reply-drop-inport_ovs-ofctl_show_br-int")),
            List.of(),
            List.of(viaBridges));
    assertThat(r.links().get(0).causes())
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("in_port 1 (patch-tun)"));
  }

  @Test
  void theSameRuleDoesNotCoverRequestsNorTrafficFromOtherPorts() {
    LossCase request =
        new LossCase(
            "vm1-id",
            "s",
            "request",
            "10.20.0.13",
            "10.20.0.11",
            List.of("patch-tun", "br-int", "qvo" + VM1),
            List.of(A, A, A));
    LossCase fromVm2 =
        new LossCase(
            "vm1-id",
            "s2",
            "reply",
            "10.20.0.11",
            "10.20.0.12",
            List.of("pvo" + VM2, "br-int", "qvo" + VM1),
            List.of(A, A, A));
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(
                fact(A, "reply-drop-inport_ovs-ofctl_dump-flows_br-int"),
                fact(A, "reply-drop-inport_ovs-ofctl_show_br-int")),
            List.of(),
            List.of(request, fromVm2));
    assertThat(r.findings()).isEmpty();
    assertThat(r.links()).allSatisfy(l -> assertThat(l.missing()).contains("no firewall tables"));
  }

  @Test
  void outputToAMissingOfportIsSaidAndCitedByTheLossItCovers() {
    LossCase toVm2 =
        new LossCase(
            "vm1-id",
            "s",
            "request",
            "10.20.0.11",
            "10.20.0.12",
            List.of("qvo" + VM1, "br-int", "pvo" + VM2, "pvi" + VM2, "ply" + VM2, "qvm" + VM2),
            List.of(A, A, A, A, A, A));
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(
                fact(A, "stale-ofport_ovs-ofctl_dump-flows_br-int"),
                fact(A, "stale-ofport_ovs-ofctl_show_br-int")),
            List.of(),
            List.of(toVm2, REPLY_FROM_VM3));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_OUTPUT_TO_MISSING_PORT");
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.message()).contains("port 99", "ports 1, 2, 3, LOCAL");
            });
    assertThat(r.links().get(0).causes())
        .extracting(LossCause.Ref::code)
        .containsExactly("FLOW_OUTPUT_TO_MISSING_PORT");
    // vm3's replies to vm1 are not for vm2's MAC: the stale flow does not explain them
    assertThat(r.links().get(1).causes()).isEmpty();
  }

  static final LossCase REPLY_INTO_VM1 =
      new LossCase(
          "vm1-id",
          "s",
          "reply",
          "10.20.0.11",
          "10.20.0.12",
          List.of("qvb" + VM1, "qbr" + VM1, "tap" + VM1),
          List.of(A, A, A));

  @Test
  void neutronSecurityGroupChainDropIsTiedToTheTapOnceForThreeViews() {
    List<Fact> facts =
        List.of(
            fact(A, "sg-iptables_ip_-s_-d_link"),
            fact(A, "sg-iptables_iptables-save_-c"),
            fact(A, "sg-iptables_iptables_-vnxL"),
            fact(A, "sg-iptables_nft_list_ruleset"));
    Causes.Result r =
        Causes.explain(LabFacts.topology(), facts, List.of(), List.of(REPLY_INTO_VM1));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FIREWALL_DROPS_VM_TRAFFIC");
              assertThat(f.message())
                  .contains("neutron-openvswi-i3f1a2b4c-5", "40 packets", "-p icmp -j DROP");
              assertThat(f.message()).contains("tap" + VM1);
              assertThat(f.evidence()).isNotEmpty();
              assertThat(f.line()).isPositive();
            });
    assertThat(r.links().get(0).causes()).hasSize(1);
  }

  @Test
  void nftBridgeRuleOnTheTapDropsRepliesNotRequests() {
    LossCase request =
        new LossCase(
            "vm1-id",
            "q",
            "request",
            "10.20.0.12",
            "10.20.0.11",
            List.of("qvb" + VM1, "qbr" + VM1, "tap" + VM1),
            List.of(A, A, A));
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(fact(A, "sg-nft_nft_list_ruleset")),
            List.of(),
            List.of(REPLY_INTO_VM1, request));
    assertThat(r.links().get(0).causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.code()).isEqualTo("FIREWALL_DROPS_VM_TRAFFIC");
              assertThat(c.message()).contains("chain forward", "bridge vmflowsg", "40 packets");
            });
    assertThat(r.links().get(1).causes()).isEmpty();
  }

  @Test
  void bridgeRuleOnThePortRepliesEnterQbrByIsTheCauseOfRepliesLostBetweenQbrAndTheTap() {
    // the lab's fw-random: replies seen on qbr never reach the tap; the rule names qvb, the port
    // they entered qbr by, which lies before the segment
    LossCase replies =
        new LossCase(
            "vm1-id",
            "s",
            "reply",
            "10.20.0.11",
            "10.20.0.13",
            List.of("qbr" + VM1, "tap" + VM1),
            List.of(A, A));
    // vm1's requests lost between qbr and qvb entered qbr by the tap: the qvb rule is not theirs
    LossCase requests =
        new LossCase(
            "vm1-id",
            "q",
            "request",
            "10.20.0.11",
            "10.20.0.13",
            List.of("qbr" + VM1, "qvb" + VM1),
            List.of(A, A));
    List<Fact> facts =
        List.of(fact(A, "fw-random_nft_list_ruleset"), fact(A, "fw-random_brctl_show"));
    Causes.Result r =
        Causes.explain(LabFacts.topology(), facts, List.of(), List.of(replies, requests));
    assertThat(r.links().get(0).causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.code()).isEqualTo("FIREWALL_DROPS_VM_TRAFFIC");
              assertThat(c.message()).contains("bridge vmflowfw", "qvb" + VM1, "22 packets");
            });
    assertThat(r.links().get(1).causes()).isEmpty();
    // without the bridge's ports the entry is unknown, and nothing is claimed
    Causes.Result blind =
        Causes.explain(
            LabFacts.topology(),
            List.of(fact(A, "fw-random_nft_list_ruleset")),
            List.of(),
            List.of(replies));
    assertThat(blind.links().get(0).causes()).isEmpty();
  }

  @Test
  void netdevIngressRuleWithoutCounterIsTheCauseOfWhatItReceivesOnly() {
    // the lab's loss scenario: replies to vm1 seen arriving on qvb never reach qbr; the rule is in
    // a
    // netdev chain hooked at qvb's ingress and has no counter
    LossCase replies =
        new LossCase(
            "vm1-id",
            "s",
            "reply",
            "10.20.0.11",
            "10.20.0.13",
            List.of("qvb" + VM1, "qbr" + VM1),
            List.of(A, A));
    // requests lost on their way out through qvb were not received on it: not the rule's
    LossCase requests =
        new LossCase(
            "vm1-id",
            "q",
            "request",
            "10.20.0.11",
            "10.20.0.13",
            List.of("qbr" + VM1, "qvb" + VM1),
            List.of(A, A));
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(fact(A, "loss_nft_list_ruleset")),
            List.of(),
            List.of(replies, requests));
    assertThat(r.links().get(0).causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.code()).isEqualTo("FIREWALL_DROPS_VM_TRAFFIC");
              assertThat(c.message())
                  .startsWith(
                      "an nftables DROP rule in chain qvb_ingress (netdev vmflowlab, compute-a)"
                          + " filters qvb"
                          + VM1
                          + " and has no counter (how many it dropped is not in the dump)");
            });
    assertThat(r.links().get(1).causes()).isEmpty();
  }

  @Test
  void ebtablesDropOnTheTapIsTheCauseOfTheRepliesLostIntoIt() {
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(fact(A, "qbr-icmp-drop_ebtables_-L_--Lc")),
            List.of(),
            List.of(REPLY_INTO_VM1));
    assertThat(r.links().get(0).causes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.code()).isEqualTo("FIREWALL_DROPS_VM_TRAFFIC");
              assertThat(c.message())
                  .contains("an ebtables DROP rule in chain FORWARD", "tap" + VM1, "5 packets");
              assertThat(c.evidence())
                  .anySatisfy(
                      e -> {
                        assertThat(e.origin()).endsWith("qbr-icmp-drop_ebtables_-L_--Lc");
                        assertThat(e.line()).isEqualTo(7);
                      });
            });
  }

  @Test
  void tapWithASmallerMtuIsNamedAndExplainsTheLossIntoTheTap() {
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(),
            List.of(fact(A, "tap-mtu_ip_-s_-d_link")),
            List.of(),
            List.of(REPLY_INTO_VM1));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("MTU_MISMATCH");
              assertThat(f.message()).startsWith("tap" + VM1 + " has MTU 1000");
              assertThat(f.message()).contains("1500");
              assertThat(f.vmId()).isEqualTo("vm1-id");
            });
    assertThat(r.links().get(0).causes()).extracting(LossCause.Ref::code).contains("MTU_MISMATCH");
  }

  @Test
  void anMtuExplainsOnlyTheLossOfPacketsLargerThanIt() {
    // the same loss into vm1's 1000-byte tap, of 1428-byte echoes (ping -s 1400) and of 84-byte
    // ones (a plain ping, lost for another reason)
    for (int bytes : new int[] {1428, 84, 1000, 1001}) {
      LossCase r1 = REPLY_INTO_VM1;
      LossCase loss =
          new LossCase(
              r1.vmId(),
              r1.sentence(),
              r1.direction(),
              r1.src(),
              r1.dst(),
              r1.devices(),
              r1.hosts(),
              20,
              bytes);
      Causes.Result r =
          Causes.explain(
              LabFacts.topology(),
              List.of(fact(A, "tap-mtu_ip_-s_-d_link")),
              List.of(),
              List.of(loss));
      // the MTU is said either way; only the packets that do not fit are its loss
      assertThat(r.findings()).extracting(Finding::code).contains("MTU_MISMATCH");
      boolean linked =
          r.links().get(0).causes().stream().anyMatch(c -> c.code().equals("MTU_MISMATCH"));
      assertThat(linked).as("%d-byte echoes through an MTU of 1000", bytes).isEqualTo(bytes > 1000);
    }
  }

  @Test
  void theMtuAFrameMetIsTheNewestReadingsNotTheCounterReadingBeforeTheCapture() {
    // the collector read the tap at 1500 before its capture; the MTU was lowered during it and the
    // host's dump, read after, says 1000 — whichever order the two readings arrive in
    Fact before = fact(A, "sg-iptables_ip_-s_-d_link");
    Fact stale =
        new Fact(
            A,
            before.spec(),
            "compute-a.tar.gz!/sos_commands/counters/before-1700000000000/ip_-s_-d_link",
            before.subject(),
            before.value());
    for (List<Fact> facts :
        List.of(
            List.of(stale, fact(A, "tap-mtu_ip_-s_-d_link")),
            List.of(fact(A, "tap-mtu_ip_-s_-d_link"), stale))) {
      Causes.Result r =
          Causes.explain(LabFacts.topology(), facts, List.of(), List.of(REPLY_INTO_VM1));
      assertThat(r.findings())
          .extracting(Finding::message)
          .anyMatch(m -> m.startsWith("tap" + VM1 + " has MTU 1000"));
    }
  }

  @Test
  void anEarlierFindingNamingASegmentDeviceIsLinked() {
    Finding down =
        (new Finding(
                Severity.ERROR, Category.NETWORK, "PORT_DOWN", "tap" + VM1 + " is down", "x", 3))
            .about("vm1-id", "", A)
            .withHint("", List.of(new Evidence("x", 3)));
    Finding elsewhere =
        (new Finding(
                Severity.ERROR, Category.NETWORK, "PORT_DOWN", "tap" + VM2 + " is down", "x", 4))
            .about("vm1-id", "", A)
            .withHint("", List.of());
    Causes.Result r =
        Causes.explain(
            LabFacts.topology(), List.of(), List.of(down, elsewhere), List.of(REPLY_INTO_VM1));
    assertThat(r.links().get(0).causes())
        .singleElement()
        .satisfies(c -> assertThat(c.message()).startsWith("tap" + VM1));
    assertThat(r.links().get(0).missing()).isEmpty();
  }

  @Test
  void aLossWithoutEvidenceSaysWhatWasMissing() {
    Causes.Result r =
        Causes.explain(LabFacts.topology(), List.of(), List.of(), List.of(REPLY_FROM_VM3));
    assertThat(r.links().get(0).causes()).isEmpty();
    assertThat(r.links().get(0).missing())
        .contains("no host outputs from compute-b", "no flow trace");
  }
}
