package io.vmflow.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A distributed router's namespace on the VM's host (L3Dump: r1 serves vm1, r2 vm2). */
class DvrRulesTest {

  @Test
  void distributedRoutersPresentOnTheVmsHostAreQuiet() {
    assertThat(new DvrRules().check(L3Dump.healthy().topology())).isEmpty();
  }

  @Test
  void aDistributedRouterAbsentFromTheVmsHostIsNamedOnItsVmOnly() {
    L3Dump d = L3Dump.healthy();
    d.remove("qrouter-r1");
    assertThat(new DvrRules().check(d.topology()))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(DvrRules.L3_DVR_ROUTER_MISSING);
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(f.port()).isEqualTo("vm1-port");
              assertThat(f.message()).contains("router-r1", "compute-a", "qrouter-r1");
              assertThat(f.origin()).isEqualTo(L3Dump.NETNS_COMPUTE);
              assertThat(f.evidence())
                  .extracting(e -> e.origin())
                  .contains(L3Dump.NETNS_COMPUTE, "router-list");
            });
  }

  @Test
  void theGatewayOwnedByNoNamespaceIsSaidAsTheAbsentDistributedRouterOnly() {
    L3Dump d = L3Dump.healthy();
    d.remove("qrouter-r1");
    d.gateway1 = false;
    assertThat(new L3Rules().check(d.topology())).isEmpty();
    assertThat(new DvrRules().check(d.topology()))
        .extracting(f -> f.code())
        .containsExactly(DvrRules.L3_DVR_ROUTER_MISSING);
    // a centralised router's missing gateway stays L3_GATEWAY_MISSING's
    d.routers1.set(0, L3Dump.router("r1", false));
    assertThat(new L3Rules().check(d.topology()))
        .extracting(f -> f.code() + " " + f.vmId())
        .containsExactly(L3Rules.L3_GATEWAY_MISSING + " vm1");
    assertThat(new DvrRules().check(d.topology())).isEmpty();
  }

  @Test
  void aCentralisedRouterIsNotExpectedOnTheComputeNode() {
    L3Dump d = L3Dump.healthy();
    d.routers1.set(0, L3Dump.router("r1", false));
    d.remove("qrouter-r1");
    assertThat(new DvrRules().check(d.topology())).isEmpty();
  }

  @Test
  void withoutTheVmHostsNamespaceListingNothingIsSaid() {
    L3Dump d = L3Dump.healthy();
    d.remove("qrouter-r1");
    var t = d.topology();
    var noListing =
        new io.vmflow.topology.Topology(
            t.hosts(),
            t.vms(),
            t.findings(),
            t.controllers(),
            t.namespaces(),
            t.l3Paths(),
            new io.vmflow.topology.L3Facts(
                java.util.List.of(),
                java.util.List.of(),
                java.util.List.of(),
                java.util.Map.of(L3Dump.NODE, L3Dump.NETNS_NODE)));
    assertThat(new DvrRules().check(noListing)).isEmpty();
  }
}
