package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code bridge -d link show}, {@code bridge fdb show} and {@code virsh list --all} on real sos /
 * doc outputs.
 */
class BridgeAndVirshParsersTest {

  @Test
  void hotsosBridgeLinkGivesMembersOfItsBridgeAndSkipsDetailLines() {
    Parsed<BridgeLinkShow> p =
        new BridgeLinkShowParser()
            .parse(
                Fixtures.file(
                    Spec.BRIDGE_LINK_SHOW,
                    "bridge_link_show",
                    "hotsos_sos_bridge_-s_-s_-d_link_show.txt",
                    ""));
    BridgeLinkShow b = p.value().orElseThrow();
    assertThat(p.findings()).isEmpty();
    assertThat(b.ports()).hasSize(10);
    assertThat(b.bridges()).containsExactly("br-ens3");
    assertThat(b.membersOf("br-ens3"))
        .extracting(BridgeLinkShow.Port::name)
        .containsExactly(
            "ens3",
            "veth1883dceb",
            "veth5cc250bc",
            "veth396824c3",
            "vethe7aaf6c3",
            "veth59e22e6f",
            "veth8aa19e05",
            "veth0d284c32");
    BridgeLinkShow.Port veth = b.membersOf("br-ens3").get(1);
    assertThat(veth.index()).isEqualTo(17);
    assertThat(veth.peer()).isEqualTo("if16");
    assertThat(veth.state()).isEqualTo("forwarding");
    assertThat(veth.mtu()).isEqualTo(1500);
    assertThat(veth.line()).isEqualTo(5);
    assertThat(b.ports().get(2).isBridgeItself()).isTrue(); // 15: lxdbr0: ... master lxdbr0 lxdbr0
  }

  @Test
  void oldIproute2LinkFormAndGarbageWithLineNumbers() {
    Parsed<BridgeLinkShow> p =
        new BridgeLinkShowParser()
            .parse(
                Fixtures.text(
                    Spec.BRIDGE_LINK_SHOW,
                    "",
                    "3: eth1 state UP : <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master bridge1 state blocking priority 32 cost 100",
                    "eth1 1 PVID Egress Untagged",
                    "89: veth0 state UP @(null): <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 master br0 state forwarding priority 32 cost 2 \r",
                    "%% not a bridge line"));
    BridgeLinkShow b = p.value().orElseThrow();
    assertThat(b.ports()).extracting(BridgeLinkShow.Port::name).containsExactly("eth1", "veth0");
    assertThat(b.ports().get(0).state()).isEqualTo("blocking");
    assertThat(b.ports().get(1).master()).isEqualTo("br0");
    assertThat(p.findings())
        .extracting(Finding::code, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PARSE_UNRECOGNISED_LINE", 4));
  }

  @Test
  void hotsosFdbGivesLearnedPermanentAndSelfEntries() {
    Parsed<BridgeFdbShow> p =
        new BridgeFdbShowParser()
            .parse(
                Fixtures.file(
                    Spec.BRIDGE_FDB_SHOW,
                    "bridge_fdb_show",
                    "hotsos_openstack_bridge_-s_-s_-d_-t_fdb_show.txt",
                    ""));
    BridgeFdbShow f = p.value().orElseThrow();
    assertThat(p.findings()).isEmpty();
    assertThat(f.entries()).hasSize(107);
    BridgeFdbShow.Entry learned = f.entries().get(1);
    assertThat(learned.mac()).isEqualTo(new MacAddress("00:16:3e:3a:20:be"));
    assertThat(learned.dev()).isEqualTo("ens3");
    assertThat(learned.master()).isEqualTo("br-ens3");
    assertThat(learned.used()).isEqualTo("23504/25");
    assertThat(learned.learned()).isTrue();
    assertThat(learned.vlan()).isEqualTo(-1);
    BridgeFdbShow.Entry vlan = f.entries().get(17);
    assertThat(vlan.vlan()).isEqualTo(1);
    assertThat(vlan.permanence()).isEqualTo("permanent");
    assertThat(vlan.line()).isEqualTo(18);
    BridgeFdbShow.Entry self = f.entries().get(19);
    assertThat(self.self()).isTrue();
    assertThat(self.master()).isEmpty();
    assertThat(f.entries().stream().filter(e -> e.master().equals("br-ens3"))).hasSize(40);
    assertThat(f.entries().stream().filter(e -> e.master().equals("lxdbr0"))).hasSize(2);
  }

  @Test
  void vxlanFdbKeepsRemoteAndBadMacIsAFinding() {
    BridgeFdbShow k =
        new BridgeFdbShowParser()
            .parse(
                Fixtures.file(
                    Spec.BRIDGE_FDB_SHOW,
                    "bridge_fdb_show",
                    "hotsos_kubernetes_bridge_-s_-s_-d_-t_fdb_show.txt",
                    ""))
            .value()
            .orElseThrow();
    assertThat(k.entriesFor(new MacAddress("46:af:62:75:ec:ee")))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.dev()).isEqualTo("flannel.1");
              assertThat(e.dst()).isEqualTo("10.6.1.235");
            });
    Parsed<BridgeFdbShow> bad =
        new BridgeFdbShowParser()
            .parse(
                Fixtures.text(
                    Spec.BRIDGE_FDB_SHOW,
                    "",
                    "zz:16:3e:3a:20:be dev ens3 master br0",
                    "fa:16:3e:3a:20:be dev tap1 master qbr1"));
    assertThat(bad.value().orElseThrow().entries()).hasSize(1);
    assertThat(bad.findings())
        .extracting(Finding::code, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("PARSE_BAD_VALUE", 1));
  }

  @Test
  void virshListEnglishAndJapaneseHeaders() {
    VirshList c =
        new VirshListParser()
            .parse(Fixtures.file(Spec.VIRSH_LIST, "openstack_cli", "calipso_virsh_list.txt", ""))
            .value()
            .orElseThrow();
    assertThat(c.domains())
        .extracting(VirshList.Domain::name)
        .containsExactly(
            "instance-00000002", "instance-0000001c", "instance-00000026", "instance-00000028");
    assertThat(c.domain("instance-00000026").orElseThrow().id()).contains(38);
    assertThat(c.domain("instance-00000026").orElseThrow().state()).isEqualTo("running");
    Parsed<VirshList> j =
        new VirshListParser()
            .parse(
                Fixtures.file(
                    Spec.VIRSH_LIST, "openstack_cli", "9506hqwy_ovs-vlan_virsh_list.txt", ""));
    assertThat(j.findings()).isEmpty();
    assertThat(j.value().orElseThrow().domains())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.name()).isEqualTo("instance-00000005");
              assertThat(d.state()).isEqualTo("実行中");
              assertThat(d.line()).isEqualTo(3);
            });
  }

  @Test
  void virshListShutOffDomainHasNoId() {
    VirshList v =
        new VirshListParser()
            .parse(
                Fixtures.text(
                    Spec.VIRSH_LIST, "", " -     instance-0000001d              shut off"))
            .value()
            .orElseThrow();
    assertThat(v.domains().get(0).id()).isEqualTo(Optional.empty());
    assertThat(v.domains().get(0).state()).isEqualTo("shut off");
  }
}
