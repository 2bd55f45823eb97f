package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** {@code vmflow parse --kind}: the kinds are listed in help, an unknown one says so. */
class ParseKindsTest {

  private static final String FILE =
      "src/test/resources/peers/hotsos/test_openvswitch/OFPROTO_LIST_TUNNELS.txt";

  @Test
  void helpListsTheKinds() {
    String help = capture(System.out, () -> VmflowMain.run("parse", "--help"));
    assertThat(help.replaceAll("\\s+", " "))
        .contains("--kind=KIND")
        .contains("brctl_show, bridge_link_show, bridge_fdb_show, ip_link, ip_addr")
        .contains("virsh_dumpxml")
        .contains("ovs_dpctl_show");
  }

  @Test
  void unknownKindIsNamedWithTheKnownOnes() {
    int[] exit = new int[1];
    String err =
        capture(System.err, () -> exit[0] = VmflowMain.run("parse", "--kind", "brctl", FILE));
    assertThat(exit[0]).isEqualTo(ExitCodes.USAGE);
    assertThat(err)
        .contains("unknown kind 'brctl'")
        .contains("known kinds: nova_list,")
        .contains("brctl_show")
        .doesNotContain("give --kind");
  }

  @Test
  void kindIsDetectedWithoutBeingGiven() {
    String out = capture(System.out, () -> VmflowMain.run("parse", FILE));
    assertThat(out).contains("\"kind\" : \"ovs_appctl_ofproto_list_tunnels\"");
  }

  private static String capture(PrintStream which, Runnable r) {
    boolean out = which == System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream p = new PrintStream(buf, true);
    if (out) {
      System.setOut(p);
    } else {
      System.setErr(p);
    }
    try {
      r.run();
    } finally {
      if (out) {
        System.setOut(which);
      } else {
        System.setErr(which);
      }
    }
    return buf.toString();
  }
}
