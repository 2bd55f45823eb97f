package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Evidence;
import io.vmflow.topology.L3Facts;
import io.vmflow.topology.Namespace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A floating IP the controller associates with the VM, against its router's NAT table. */
class FloatingIpRulesTest {

  @Test
  void theDnatSnatPairOfTheFloatingIpIsQuiet() {
    assertThat(new FloatingIpRules().check(L3Dump.healthy().topology())).isEmpty();
  }

  @Test
  void aFloatingIpWithoutAnyNatRuleIsNamedOnItsVmOnly() {
    L3Dump d = L3Dump.healthy();
    d.remove("qrouter-r1");
    d.namespaces.add(
        0, L3Dump.ns(L3Dump.COMPUTE, "qrouter-r1", L3Dump.NETNS_COMPUTE, 1, List.of()));
    // vm2's floating IP has its pair in qrouter-r2: only vm1 is marked
    d.fips.add(
        new L3Facts.FloatingIp("172.24.4.20", "10.30.0.12", "", "ext", new Evidence("fl", 5)));
    d.namespaces.set(
        1,
        L3Dump.ns(
            L3Dump.COMPUTE,
            "qrouter-r2",
            L3Dump.NETNS_COMPUTE,
            2,
            List.of(
                new Namespace.Nat("DNAT", "172.24.4.20", "10.30.0.12", new Evidence("r2", 3)),
                new Namespace.Nat("SNAT", "10.30.0.12", "172.24.4.20", new Evidence("r2", 4)))));
    assertThat(new FloatingIpRules().check(d.topology()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(FloatingIpRules.L3_FIP_NAT_MISSING);
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(f.message()).contains("172.24.4.10", "10.20.0.11", "qrouter-r1");
              assertThat(f.origin()).isEqualTo("floatingip-list");
              assertThat(f.line()).isEqualTo(4);
            });
  }

  @Test
  void aFloatingIpOfAnotherPortIsNotTheVms() {
    L3Dump d = L3Dump.healthy();
    d.remove("qrouter-r1");
    d.namespaces.add(
        0, L3Dump.ns(L3Dump.COMPUTE, "qrouter-r1", L3Dump.NETNS_COMPUTE, 1, List.of()));
    d.fips.set(
        0,
        new L3Facts.FloatingIp(
            "172.24.4.10", "10.20.0.11", "other-port", "ext", new Evidence("fl", 4)));
    assertThat(new FloatingIpRules().check(d.topology())).isEmpty();
  }
}
