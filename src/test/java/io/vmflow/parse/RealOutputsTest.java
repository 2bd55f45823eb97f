package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vmflow.model.IcmpEcho;
import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Host-side parsers on real outputs from shared/realdata (provenance in each fixtures folder's
 * SOURCE.md).
 */
class RealOutputsTest {

  static Stream<Path> brctl() {
    return Fixtures.all("brctl_show", ".*\\.txt").stream();
  }

  static Stream<Path> vsctl() {
    return Fixtures.all("ovs_vsctl_show", ".*\\.txt").stream();
  }

  static Stream<Path> ofctl() {
    return Fixtures.all("ovs_ofctl_show", ".*\\.txt").stream();
  }

  static Stream<Path> fdb() {
    return Fixtures.all("ovs_appctl_fdb_show", ".*\\.txt").stream();
  }

  @ParameterizedTest
  @MethodSource("brctl")
  void everyRealBrctlOutputYieldsBridgesWithoutWarnings(Path file) {
    Parsed<BrctlShow> p =
        new BrctlShowParser()
            .parse(new SourceText(Spec.BRCTL_SHOW, file.toString(), 1, "", Fixtures.lines(file)));
    assertThat(p.findings()).isEmpty();
    assertThat(p.value().orElseThrow().bridges())
        .isNotEmpty()
        .allSatisfy(b -> assertThat(b.name()).isNotBlank());
  }

  @ParameterizedTest
  @MethodSource("vsctl")
  void everyRealVsctlOutputYieldsBridgesWithPorts(Path file) {
    Parsed<OvsVsctlShow> p =
        new OvsVsctlShowParser()
            .parse(
                new SourceText(Spec.OVS_VSCTL_SHOW, file.toString(), 1, "", Fixtures.lines(file)));
    if (file.getFileName().toString().startsWith("arthurchiao_ovs2.5.0")) {
      // the blog pasted its prompt line "$ ovs-vsctl show" into the output
      assertThat(p.findings()).extracting(f -> f.line()).containsExactly(1);
    } else {
      assertThat(p.findings()).isEmpty();
    }
    assertThat(p.value().orElseThrow().bridges()).isNotEmpty();
    assertThat(p.value().orElseThrow().bridges().stream().mapToInt(b -> b.ports().size()).sum())
        .isPositive();
  }

  @ParameterizedTest
  @MethodSource("ofctl")
  void everyRealOfctlOutputYieldsNumberedPorts(Path file) {
    Parsed<OvsOfctlShow> p =
        new OvsOfctlShowParser()
            .parse(
                new SourceText(
                    Spec.OVS_OFCTL_SHOW, file.toString(), 1, "br", Fixtures.lines(file)));
    if (file.getFileName().toString().contains("doc-wrapped")) {
      // the docs wrapped long lines: each wrapped tail is reported, the ports still read
      assertThat(p.findings())
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.code()).isEqualTo("PARSE_UNRECOGNISED_LINE"));
    } else {
      assertThat(p.findings()).isEmpty();
    }
    assertThat(p.value().orElseThrow().ports()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("fdb")
  void everyRealFdbOutputParsesOrFlagsBadMacs(Path file) {
    Parsed<OvsAppctlFdbShow> p =
        new OvsAppctlFdbShowParser()
            .parse(
                new SourceText(
                    Spec.OVS_APPCTL_FDB_SHOW, file.toString(), 1, "br-int", Fixtures.lines(file)));
    long rows =
        Fixtures.lines(file).stream()
            .filter(l -> !l.isBlank() && !l.trim().toLowerCase().startsWith("port"))
            .count();
    assertThat(p.value().orElseThrow().entries().size() + p.findings().size()).isEqualTo(rows);
  }

  @Test
  void insightsBrctlKeepsContinuationMembersAndStp() {
    BrctlShow b =
        new BrctlShowParser()
            .parse(Fixtures.file(Spec.BRCTL_SHOW, "brctl_show", "insights-core_brctl_show.txt", ""))
            .value()
            .orElseThrow();
    assertThat(b.bridges())
        .extracting(BrctlShow.LinuxBridge::name)
        .containsExactly("br0", "br1", "br2", "docker0");
    assertThat(b.bridge("br0").orElseThrow().interfaces()).containsExactly("eth1", "eth2", "eth3");
    assertThat(b.bridge("br2").orElseThrow().stp()).isTrue();
    assertThat(b.bridge("docker0").orElseThrow().interfaces()).isEmpty();
  }

  @Test
  void insightsVsctlGivesTagsPatchPeersAndTypes() {
    OvsVsctlShow s =
        new OvsVsctlShowParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_VSCTL_SHOW,
                    "ovs_vsctl_show",
                    "insights-core_test_ovs_vsctl_show.txt",
                    ""))
            .value()
            .orElseThrow();
    assertThat(s.uuid()).isEqualTo("e4d4f521-086d-4479-a88f-d531cd1646b8");
    OvsVsctlShow.OvsBridge brInt = s.bridge("br-int").orElseThrow();
    assertThat(brInt.failMode()).isEqualTo("secure");
    assertThat(brInt.port("tapdf2d6113-b2").orElseThrow().tag()).isEqualTo(2);
    assertThat(brInt.port("int-br-ex").orElseThrow().interfaces().get(0).peer())
        .isEqualTo("phy-br-ex");
    assertThat(brInt.port("patch-tun").orElseThrow().interfaces().get(0).peer())
        .isEqualTo("patch-int");
    assertThat(
            s.bridge("br-ex")
                .orElseThrow()
                .port("qg-dacc6089-be")
                .orElseThrow()
                .interfaces()
                .get(0)
                .type())
        .isEqualTo("internal");
  }

  @Test
  void ovnProviderOfctlShowsDownPort() {
    OvsOfctlShow s =
        new OvsOfctlShowParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_OFCTL_SHOW,
                    "ovs_ofctl_show",
                    "neutron-doc_ovn_provider_br-int.txt",
                    "br-int"))
            .value()
            .orElseThrow();
    assertThat(s.dpid()).isEqualTo("000022024a1dc045");
    OvsOfctlShow.OfPort tap = s.port("tap6ab052c2-7b").orElseThrow();
    assertThat(tap.portNo().value()).isEqualTo("7");
    assertThat(tap.config()).containsExactly("PORT_DOWN");
    assertThat(tap.state()).containsExactly("LINK_DOWN");
    assertThat(tap.isDown()).isTrue();
    assertThat(s.port("patch-br-int-to").orElseThrow().isDown()).isFalse();
  }

  @Test
  void hotsosFdbOfBrIntGivesPortsAndVlans() {
    OvsAppctlFdbShow f =
        new OvsAppctlFdbShowParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_APPCTL_FDB_SHOW,
                    "ovs_appctl_fdb_show",
                    "hotsos_sos_ovs-appctl_fdb.show_br-int.txt",
                    "br-int"))
            .value()
            .orElseThrow();
    assertThat(f.entries().subList(0, 4))
        .extracting(
            OvsAppctlFdbShow.FdbEntry::port,
            OvsAppctlFdbShow.FdbEntry::vlan,
            e -> e.mac().value(),
            OvsAppctlFdbShow.FdbEntry::age)
        .containsExactly(
            tuple("1", 2, "52:54:00:2d:fb:46", "286"),
            tuple("1", 2, "fa:16:3e:e8:64:ce", "257"),
            tuple("2", 3, "fa:16:3e:87:45:fc", "257"),
            tuple("6", 3, "fa:16:3e:76:19:dd", "52"));
  }

  @Test
  void insightsFdbWithImpossibleMacsGivesFindingsWithLines() {
    Parsed<OvsAppctlFdbShow> p =
        new OvsAppctlFdbShowParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_APPCTL_FDB_SHOW,
                    "ovs_appctl_fdb_show",
                    "insights-core_fdb_show_br-int.txt",
                    "br-int"));
    assertThat(p.value().orElseThrow().entries())
        .extracting(e -> e.mac().value())
        .containsExactly("aa:bb:cc:dd:ee:ff");
    assertThat(p.findings()).extracting(f -> f.code()).containsOnly("PARSE_BAD_VALUE");
    assertThat(p.findings()).extracting(f -> f.line()).containsExactly(3, 4, 5);
  }

  @Test
  void newerOvsCapitalisedHeaderAndMaskedAges() {
    OvsAppctlFdbShow f =
        new OvsAppctlFdbShowParser()
            .parse(
                Fixtures.file(
                    Spec.OVS_APPCTL_FDB_SHOW,
                    "ovs_appctl_fdb_show",
                    "ovs-tests_fdb_show_new_header_ages_masked.txt",
                    "br0"))
            .value()
            .orElseThrow();
    assertThat(f.entries())
        .extracting(OvsAppctlFdbShow.FdbEntry::port)
        .containsExactly("3", "1", "2");
    assertThat(f.entries()).extracting(OvsAppctlFdbShow.FdbEntry::age).containsOnly("?");
  }

  @Test
  void tcpdumpTestSuiteOutputWithFrameNumbersAndDates() {
    TcpdumpText t =
        new TcpdumpTextParser()
            .parse(
                Fixtures.file(Spec.TCPDUMP_TEXT, "tcpdump_text", "tcpdump_e1000g.out", "e1000g0"))
            .value()
            .orElseThrow();
    assertThat(t.echoes()).isNotEmpty();
    assertThat(t.echoes().get(0).type()).isEqualTo(IcmpEcho.EchoType.REQUEST);
    assertThat(t.echoes().get(0).id()).isEqualTo(6901);
    assertThat(t.echoes().get(0).time().toString()).isEqualTo("2009-11-25T17:27:26.701826Z");
    assertThat(t.echoes().stream().filter(IcmpEcho::isRequest).count())
        .isEqualTo(t.echoes().stream().filter(e -> !e.isRequest()).count());
  }

  @Test
  void garbageLinesBecomeFindingsWithTheirLineNumbers() {
    Parsed<BrctlShow> p =
        new BrctlShowParser()
            .parse(
                Fixtures.text(
                    Spec.BRCTL_SHOW,
                    "",
                    "bridge name\tbridge id\tSTP enabled\tinterfaces",
                    "qbrx 8000.4e62113fce3a no tapx",
                    "%%% what is this %%%"));
    assertThat(p.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("PARSE_UNRECOGNISED_LINE");
              assertThat(f.line()).isEqualTo(3);
            });
    assertThat(p.value().orElseThrow().bridges()).hasSize(1);
  }
}
