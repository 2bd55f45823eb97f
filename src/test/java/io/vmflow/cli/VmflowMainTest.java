package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.model.VmflowVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmflowMainTest {

  @Test
  void versionIsPrintedEverywhere() {
    assertThat(capture("--version")).contains("vmflow " + VmflowVersion.get());
    assertThat(capture("analyze", "--version")).contains("vmflow " + VmflowVersion.get());
    assertThat(capture("parse", "--version")).contains("vmflow " + VmflowVersion.get());
  }

  @Test
  void unreadableInputExitsWithUsageStatus(@TempDir Path tmp) {
    assertThat(
            VmflowMain.run(
                "analyze",
                tmp.resolve("missing.tgz").toString(),
                "-o",
                tmp.resolve("out").toString()))
        .isEqualTo(2);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void unknownFailOnLevelIsAUsageError(@TempDir Path tmp) {
    assertThat(
            VmflowMain.run(
                "analyze",
                tmp.toString(),
                "--fail-on",
                "loud",
                "-o",
                tmp.resolve("out").toString()))
        .isEqualTo(2);
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(VmflowMain.run("analyze", "--no-such-option")).isEqualTo(2);
  }

  @Test
  void defaultOutputFolderIsNamedAfterTheFirstInput() {
    assertThat(AnalyzeCommand.defaultName(Path.of("samples/seed-fusionsphere")))
        .isEqualTo("seed-fusionsphere");
    assertThat(AnalyzeCommand.defaultName(Path.of("/tmp/incident-42.tar.gz")))
        .isEqualTo("incident-42");
    assertThat(AnalyzeCommand.defaultName(Path.of("sosreport-c7.tar.xz")))
        .isEqualTo("sosreport-c7");
  }

  @Test
  void parseDetectsANewKindAndPrintsItsRecords() {
    String out =
        capture(
            "parse",
            "src/test/resources/fixtures/bridge_link_show/hotsos_sos_bridge_-s_-s_-d_link_show.txt");
    assertThat(out)
        .contains("\"kind\" : \"bridge_link_show\"")
        .contains("\"name\" : \"veth1883dceb\"")
        .contains("\"master\" : \"br-ens3\"");
    String virsh =
        capture(
            "parse", "src/test/resources/fixtures/openstack_cli/9506hqwy_ovs-vlan_virsh_list.txt");
    assertThat(virsh)
        .contains("\"kind\" : \"virsh_list\"")
        .contains("instance-00000005")
        .contains("\"findings\" : [ ]");
  }

  private static String capture(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true));
    try {
      VmflowMain.run(args);
    } finally {
      System.setOut(old);
    }
    return buf.toString();
  }
}
