package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.model.IcmpEcho;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The host-side outputs of the seed field note, exactly as the engineer pasted them. */
class HostParsersSeedTest {

  @Test
  void brctlGrepOutputGivesQbrWithQvmAndTap() {
    Parsed<BrctlShow> p =
        new BrctlShowParser().parse(Fixtures.seed(Spec.BRCTL_SHOW, "brctl show", ""));
    assertThat(p.findings()).isEmpty();
    BrctlShow.LinuxBridge qbr = p.value().orElseThrow().bridge("qbr1c65142e-2a").orElseThrow();
    assertThat(qbr.id()).isEqualTo("8000.4e62113fce3a");
    assertThat(qbr.stp()).isFalse();
    assertThat(qbr.interfaces()).containsExactly("qvm1c65142e-2a", "tap1c65142e-2a");
    assertThat(qbr.line()).isEqualTo(21);
  }

  @Test
  void ofctlShowOfPlyGivesPortsOneTwoAndLocal() {
    OvsOfctlShow s =
        new OvsOfctlShowParser()
            .parse(Fixtures.seed(Spec.OVS_OFCTL_SHOW, "ovs-ofctl show ply", "ply1c65142e-2a"))
            .value()
            .orElseThrow();
    assertThat(s.dpid()).isEqualTo("0000a69655a66744");
    assertThat(s.bridge()).isEqualTo("ply1c65142e-2a");
    assertThat(s.ports())
        .extracting(p -> p.portNo().value(), OvsOfctlShow.OfPort::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", "qvm1c65142e-2a"),
            org.assertj.core.groups.Tuple.tuple("2", "pvi1c65142e-2a"),
            org.assertj.core.groups.Tuple.tuple("LOCAL", "ply1c65142e-2a"));
    assertThat(s.port("qvm1c65142e-2a").orElseThrow().mac())
        .contains(new MacAddress("4e:62:11:3f:ce:3a"));
    assertThat(s.ports()).noneMatch(OvsOfctlShow.OfPort::isDown);
  }

  @Test
  void ofctlShowOfBrIntCutByGrepKeepsPort71() {
    Parsed<OvsOfctlShow> p =
        new OvsOfctlShowParser()
            .parse(Fixtures.seed(Spec.OVS_OFCTL_SHOW, "ovs-ofctl show br-int", "br-int"));
    assertThat(p.findings()).isEmpty();
    OvsOfctlShow.OfPort pvo = p.value().orElseThrow().port("pvo1c65142e-2a").orElseThrow();
    assertThat(pvo.portNo().value()).isEqualTo("71");
    assertThat(pvo.mac()).contains(new MacAddress("7a:92:22:ab:2f:17"));
  }

  @Test
  void vsctlGrepContextGivesPlyAndPatchPeersAndTag() {
    Parsed<OvsVsctlShow> p =
        new OvsVsctlShowParser().parse(Fixtures.seed(Spec.OVS_VSCTL_SHOW, "ovs-vsctl show", ""));
    assertThat(p.findings()).isEmpty();
    OvsVsctlShow s = p.value().orElseThrow();
    assertThat(s.bridges())
        .extracting(OvsVsctlShow.OvsBridge::name)
        .containsExactly("ply1c65142e-2a", "br-int");
    assertThat(s.bridge("ply1c65142e-2a").orElseThrow().ports())
        .extracting(OvsVsctlShow.OvsPort::name)
        .containsExactly("qvm1c65142e-2a", "ply1c65142e-2a", "pvi1c65142e-2a");
    assertThat(
            s.bridge("ply1c65142e-2a")
                .orElseThrow()
                .port("pvi1c65142e-2a")
                .orElseThrow()
                .interfaces()
                .get(0)
                .peer())
        .isEqualTo("pvo1c65142e-2a");
    OvsVsctlShow.OvsPort pvo =
        s.bridge("br-int").orElseThrow().port("pvo1c65142e-2a").orElseThrow();
    assertThat(pvo.tag()).isEqualTo(15);
    assertThat(pvo.interfaces().get(0).type()).isEqualTo("patch");
    assertThat(pvo.interfaces().get(0).peer()).isEqualTo("pvi1c65142e-2a");
  }

  @Test
  void fdbGrepRowGivesPort71Vlan15() {
    OvsAppctlFdbShow f =
        new OvsAppctlFdbShowParser()
            .parse(Fixtures.seed(Spec.OVS_APPCTL_FDB_SHOW, "ovs-appctl fdb/show", "br-int"))
            .value()
            .orElseThrow();
    assertThat(f.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.port()).isEqualTo("71");
              assertThat(e.vlan()).isEqualTo(15);
              assertThat(e.mac().value()).isEqualTo("fa:16:3e:29:fb:13");
              assertThat(e.age()).isEqualTo("0");
              assertThat(e.bridge()).isEqualTo("br-int");
            });
  }

  @Test
  void tcpdumpNneGivesRequestAndReplyWithMacsAndMicroseconds() {
    TcpdumpText t =
        new TcpdumpTextParser()
            .parse(Fixtures.seed(Spec.TCPDUMP_TEXT, "./tcpdump", "tap1c65142e-2a"))
            .value()
            .orElseThrow();
    assertThat(t.interfaceName()).isEqualTo("tap1c65142e-2a");
    assertThat(t.echoes()).hasSize(2);
    IcmpEcho req = t.echoes().get(0);
    IcmpEcho rep = t.echoes().get(1);
    assertThat(req.type()).isEqualTo(IcmpEcho.EchoType.REQUEST);
    assertThat(rep.type()).isEqualTo(IcmpEcho.EchoType.REPLY);
    assertThat(req.src()).isEqualTo("10.0.0.107");
    assertThat(req.dst()).isEqualTo("10.0.0.17");
    assertThat(req.id()).isEqualTo(32629);
    assertThat(rep.seq()).isEqualTo(10762);
    assertThat(req.srcMac()).contains(new MacAddress("fa:16:3e:63:28:94"));
    assertThat(req.time()).isEqualTo(Instant.parse("1970-01-01T14:32:10.193922Z"));
    assertThat(rep.time()).isEqualTo(Instant.parse("1970-01-01T14:32:10.194007Z"));
  }
}
