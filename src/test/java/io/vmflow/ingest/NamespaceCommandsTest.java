package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/** Commands run inside a namespace, typed or saved by sos, know their namespace. */
class NamespaceCommandsTest {

  private static final String NS = "qrouter-3da5aa7d-2dc0-4a49-895d-877e92b39256";

  @Test
  void typedIpNetnsExecNamesTheNamespaceAndTheInnerCommandsKind() {
    assertThat(CommandSpecs.of("ip netns exec " + NS + " ip a"))
        .contains(new CommandSpecs.SpecCall(Spec.NETNS_IP_ADDR, NS));
    assertThat(CommandSpecs.of("sudo ip netns exec " + NS + " ip -4 route show table all"))
        .contains(new CommandSpecs.SpecCall(Spec.NETNS_IP_ROUTE, NS));
    assertThat(CommandSpecs.of("ip netns exec " + NS + " iptables-save -t nat"))
        .contains(new CommandSpecs.SpecCall(Spec.NETNS_IPTABLES_SAVE, NS));
    assertThat(CommandSpecs.of("ip -n " + NS + " neigh"))
        .contains(new CommandSpecs.SpecCall(Spec.NETNS_IP_NEIGH, NS));
    assertThat(CommandSpecs.of("ip netns")).contains(new CommandSpecs.SpecCall(Spec.IP_NETNS, ""));
    assertThat(CommandSpecs.of("ip netns list"))
        .contains(new CommandSpecs.SpecCall(Spec.IP_NETNS, ""));
    // a command vmflow does not read inside a namespace is not mistaken for the namespace list
    assertThat(CommandSpecs.of("ip netns exec " + NS + " ping -c 3 10.0.0.1")).isEmpty();
  }

  @Test
  void sosNamesOfBothLayoutsGiveTheNamespaceAsSubject() {
    assertThat(
            BundleLayout.match(
                "sos_commands/networking/namespaces/"
                    + NS
                    + "/ip_netns_exec_"
                    + NS
                    + "_ip_-d_address_show"))
        .contains(new BundleLayout.Match(Spec.NETNS_IP_ADDR, NS));
    assertThat(
            BundleLayout.match(
                "sos_commands/networking/ip_netns_exec_" + NS + "_ip_-s_-s_neigh_show"))
        .contains(new BundleLayout.Match(Spec.NETNS_IP_NEIGH, NS));
    assertThat(BundleLayout.match("sos_commands/networking/ip_-4_rule_list"))
        .contains(new BundleLayout.Match(Spec.IP_RULE, ""));
    assertThat(BundleLayout.match("sos_commands/networking/ip_netns"))
        .contains(new BundleLayout.Match(Spec.IP_NETNS, ""));
    // ethtool inside a namespace is not read
    assertThat(BundleLayout.match("sos_commands/networking/ip_netns_exec_" + NS + "_ethtool_-S_lo"))
        .isEmpty();
  }
}
