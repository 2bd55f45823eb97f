package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Forms the peers' samples showed vmflow, beyond the samples themselves (see PeerCorpusTest). */
class PeerFormsTest {

  @Test
  void statusFileCutShortKeepsTheDomainReadBeforeTheCut() {
    Parsed<LibvirtDomain> p =
        new VirshDumpxmlParser()
            .parse(
                Fixtures.text(
                    Spec.VIRSH_DUMPXML,
                    "instance-00000001",
                    "<?xml version='1.0' encoding='UTF-8'?>",
                    "<!--",
                    "WARNING: THIS IS AN AUTO-GENERATED FILE.",
                    "-->",
                    "<domstatus state='running' reason='migrated' pid='1791722'>",
                    "  <domain type='kvm' id='2'>",
                    "    <uuid>d1d75e2f-ada4-49bc-a963-528d89dfda25</uuid>",
                    "    <devices>",
                    "      <interface type='bridge'>",
                    "        <mac address='fa:16:3e:a7:45:cb'/>",
                    "        <target dev='tap0e778df8-ca'/>",
                    "      </interface>",
                    "      <interface type='bri"));
    LibvirtDomain d = p.value().orElseThrow();
    // no <name> before the cut: the file's subject names it
    assertThat(d.name()).isEqualTo("instance-00000001");
    assertThat(d.uuid()).isEqualTo("d1d75e2f-ada4-49bc-a963-528d89dfda25");
    assertThat(d.interfaces())
        .extracting(LibvirtDomain.DomainInterface::targetDev)
        .containsExactly("tap0e778df8-ca");
    assertThat(p.findings()).extracting(Finding::code).containsExactly("PARSE_UNRECOGNISED_LINE");
  }

  @Test
  void nameDeeperInTheDomainIsNotTheDomainsName() {
    LibvirtDomain d =
        new VirshDumpxmlParser()
            .parse(
                Fixtures.text(
                    Spec.VIRSH_DUMPXML,
                    "",
                    "<domain type='kvm'>",
                    "  <metadata><nova:instance xmlns:nova='x'><nova:name>vm1</nova:name>",
                    "  </nova:instance></metadata>",
                    "  <name>instance-00000002</name>",
                    "</domain>"))
            .value()
            .orElseThrow();
    assertThat(d.name()).isEqualTo("instance-00000002");
  }

  @Test
  void oneLineAddrKeepsPointToPointAddresses() {
    IpLink l =
        new IpLinkParser(Spec.IP_ADDR)
            .parse(
                Fixtures.text(
                    Spec.IP_ADDR,
                    "",
                    "6: ip.tun2    inet 192.168.112.5 peer 192.168.122.6/32 scope global ip.tun2\\"
                        + "       valid_lft forever preferred_lft forever",
                    "2: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\\"
                        + "       valid_lft forever preferred_lft forever"))
            .value()
            .orElseThrow();
    IpLink.LinkDevice tun = l.device("ip.tun2").orElseThrow();
    assertThat(tun.addresses()).containsExactly("192.168.112.5/32");
    assertThat(tun.pointToPoint())
        .containsExactly(new IpLink.PointToPoint("192.168.112.5/32", "192.168.122.6/32"));
    assertThat(l.device("eth0").orElseThrow().addresses()).containsExactly("10.0.0.5/24");
    assertThat(l.device("eth0").orElseThrow().pointToPoint()).isEmpty();
  }

  @Test
  void dpctlCountersBelongToTheirOwnPortOnly() {
    Parsed<OvsDpctlShow> p =
        new OvsDpctlShowParser()
            .parse(
                Fixtures.text(
                    Spec.OVS_DPCTL_SHOW,
                    "",
                    "system@ovs-system:",
                    "  lookups: hit:36830 missed:4948 lost:0",
                    "  port 0: ovs-system (internal)",
                    "  port 2: br-int (internal)",
                    "    RX packets:0 errors:0 dropped:1533 overruns:0 frame:0",
                    "    TX packets:4 errors:1 dropped:2 aborted:0 carrier:0",
                    "    collisions:0",
                    "    RX bytes:0  TX bytes:0"));
    assertThat(p.findings()).isEmpty();
    List<OvsDpctlShow.DpPort> ports = p.value().orElseThrow().datapaths().get(0).ports();
    assertThat(ports.get(0).counters()).isEmpty();
    assertThat(ports.get(1).counters())
        .isEqualTo(Optional.of(new OvsDpctlShow.PortCounters(0, 0, 1533, 4, 1, 2)));
  }
}
