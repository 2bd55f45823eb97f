package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed field note saved as a shell session: one entry per command, with its host. */
class TranscriptSplitterTest {

  private static final Path SEED = Path.of("src/test/resources/fixtures/seed/terminal-session.txt");

  @Test
  void seedSessionSplitsIntoItsCommandsWithHostsAndSpecs() throws Exception {
    List<String> lines = Files.readAllLines(SEED);
    assertThat(TranscriptSplitter.isTranscript(lines)).isTrue();
    List<TranscriptSplitter.Command> cmds = TranscriptSplitter.split(lines);
    assertThat(cmds).hasSize(16);
    assertThat(cmds.get(0).host()).isEqualTo("host-10-0-0-107");
    assertThat(cmds.get(0).command()).isEqualTo("nohup ping 10.0.0.17 &");
    assertThat(CommandSpecs.of(cmds.get(0).command())).isEmpty();
    TranscriptSplitter.Command brctl =
        cmds.stream().filter(c -> c.command().startsWith("brctl")).findFirst().orElseThrow();
    assertThat(brctl.host()).isEqualTo("68569C29-D21D-B211-BB45-0018E1C5D866");
    assertThat(brctl.firstLine()).isEqualTo(21);
    assertThat(brctl.output())
        .containsExactly(
            "qbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\tqvm1c65142e-2a",
            "\t\t\t\t\t\t\ttap1c65142e-2a");
    assertThat(cmds.get(1).host()).isEqualTo("5F0B42C1-EFD0-C685-E811-16AD2A2D1793");
  }

  @Test
  void commandLinesMapToSpecsAndSubjects() {
    assertThat(CommandSpecs.of("ovs-ofctl show br-int |grep 1c65"))
        .contains(new CommandSpecs.SpecCall(Spec.OVS_OFCTL_SHOW, "br-int"));
    assertThat(CommandSpecs.of("./tcpdump -i tap1c65142e-2a -nne icmp"))
        .contains(new CommandSpecs.SpecCall(Spec.TCPDUMP_TEXT, "tap1c65142e-2a"));
    assertThat(CommandSpecs.of("tcpdump -i tap1 -w /tmp/x.pcap")).isEmpty();
    assertThat(CommandSpecs.of("nova list --all-te|grep 10.0.0.17"))
        .contains(new CommandSpecs.SpecCall(Spec.NOVA_LIST, ""));
    assertThat(CommandSpecs.of("sudo /usr/bin/ovs-appctl fdb/show br-int"))
        .contains(new CommandSpecs.SpecCall(Spec.OVS_APPCTL_FDB_SHOW, "br-int"));
    assertThat(CommandSpecs.of("ovs-vsctl -t 5 show"))
        .contains(new CommandSpecs.SpecCall(Spec.OVS_VSCTL_SHOW, ""));
    assertThat(CommandSpecs.of("ovs-ofctl -O OpenFlow13 dump-flows br-tun"))
        .contains(new CommandSpecs.SpecCall(Spec.OVS_OFCTL_DUMP_FLOWS, "br-tun"));
    assertThat(CommandSpecs.of("openstack port show 81e4a23a -f json"))
        .contains(new CommandSpecs.SpecCall(Spec.OPENSTACK_PORT_SHOW, "81e4a23a"));
    assertThat(CommandSpecs.of("ip -d link show"))
        .contains(new CommandSpecs.SpecCall(Spec.IP_LINK, ""));
  }

  @Test
  void promptsOfCommonShellsAreRecognised() {
    assertThat(TranscriptSplitter.prompt("stack@devstack:~/devstack$ openstack server list"))
        .hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("devstack"));
    assertThat(TranscriptSplitter.prompt("compute-1:~ # ovs-vsctl show"))
        .hasValueSatisfying(p -> assertThat(p[0]).isEqualTo("compute-1"));
    assertThat(TranscriptSplitter.prompt("$ brctl show"))
        .hasValueSatisfying(p -> assertThat(p[0]).isEmpty());
    assertThat(TranscriptSplitter.prompt("OFPT_FEATURES_REPLY (xid=0x2): dpid:0000a69655a66744"))
        .isEmpty();
    assertThat(
            TranscriptSplitter.prompt(
                "14:32:10.193922 fa:16:3e:63:28:94 > fa:16:3e:29:fb:13, ethertype IPv4"))
        .isEmpty();
  }
}
