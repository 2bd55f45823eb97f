package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import org.junit.jupiter.api.Test;

/**
 * ip netns, ip route, ip neigh, ip rule and their per-namespace forms on real outputs (a DVR
 * compute node's sosreport from hotsos' test data, and this machine's iproute2).
 */
class NamespaceParsersTest {

  private static final String QR = "qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5";

  private static <T extends ParsedRecord> T parse(
      CommandParser<T> p, String folder, String file, String subject) {
    Parsed<T> r = p.parse(Fixtures.file(p.spec(), folder, file, subject));
    assertThat(r.findings()).isEmpty();
    return r.value().orElseThrow();
  }

  @Test
  void ipNetnsWithAndWithoutIds() {
    IpNetns sos = parse(new IpNetnsParser(), "ip_netns", "hotsos_ip_netns.txt", "");
    assertThat(sos.namespaces())
        .extracting(IpNetns.Namespace::name, IpNetns.Namespace::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fip-32981f34-497a-4fae-914a-8576055c8d0d", 9),
            org.assertj.core.groups.Tuple.tuple(QR, 10),
            org.assertj.core.groups.Tuple.tuple("snat-984c22fd-64b3-4fa1-8ddd-87090f401ce5", 8));
    IpNetns bare = parse(new IpNetnsParser(), "ip_netns", "iproute2_ip_netns_no_ids.txt", "");
    assertThat(bare.namespaces()).extracting(IpNetns.Namespace::name).contains("vmflow-h19-a");
    assertThat(bare.namespaces()).allMatch(n -> n.id() == -1);
  }

  @Test
  void ipRouteOfARouterNamespaceKeepsTablesTypesAndNextHops() {
    InNamespace ns =
        parse(
            new NetnsExecParser(Spec.NETNS_IP_ROUTE, new IpRouteParser()),
            "netns_ip_route",
            "ip_netns_exec_" + QR + "_ip_route_show_table_all",
            QR);
    IpRoute r = ns.routes().orElseThrow();
    assertThat(r.routes()).hasSize(19);
    // DVR: the floating IP's table 16 goes out through the rfp- veth to the fip- namespace
    IpRoute.Route fip = r.defaultRoute("16").orElseThrow();
    assertThat(fip.via()).isEqualTo("169.254.88.135");
    assertThat(fip.dev()).isEqualTo("rfp-984c22fd-6");
    assertThat(fip.line()).isEqualTo(2);
    assertThat(r.defaultRoute("main")).isEmpty();
    IpRoute.Route connected = r.routes().get(3);
    assertThat(connected.destination()).isEqualTo("192.168.21.0/24");
    assertThat(connected.src()).isEqualTo("192.168.21.1");
    assertThat(connected.scope()).isEqualTo("link");
    assertThat(r.routes().get(4).type()).isEqualTo("broadcast");
    assertThat(r.routes().get(4).table()).isEqualTo("local");
  }

  @Test
  void hostIpRouteHasItsDefaultGateway() {
    IpRoute r = parse(new IpRouteParser(), "ip_route", "hotsos_ip_route_show_table_all", "");
    assertThat(r.defaultRoute("main").orElseThrow().via()).isEqualTo("10.0.0.2");
    assertThat(r.routes()).extracting(IpRoute.Route::dev).contains("lxdbr0");
  }

  @Test
  void ipNeighReadsResolvedAndUnresolvedEntries() {
    IpNeigh ok = parse(new IpNeighParser(), "ip_neigh", "hotsos_ip_-s_-s_neigh_show", "");
    assertThat(ok.neighbours()).hasSize(14);
    IpNeigh.Neighbour first = ok.neighbours().get(0);
    assertThat(first.ip()).isEqualTo("10.0.0.131");
    assertThat(first.dev()).isEqualTo("br-ens3");
    assertThat(first.mac()).contains(MacAddress.parse("00:16:3e:3a:20:be").orElseThrow());
    assertThat(first.state()).isEqualTo("REACHABLE");
    assertThat(ok.neighbours().get(3).state()).isEqualTo("STALE");
    IpNeigh bad =
        parse(new IpNeighParser(), "ip_neigh", "iproute2_ip_-s_-s_neigh_show_failed.txt", "");
    IpNeigh.Neighbour incomplete = bad.neighbours().get(0);
    assertThat(incomplete.state()).isEqualTo("INCOMPLETE");
    assertThat(incomplete.mac()).isEmpty();
    assertThat(incomplete.unresolved()).isTrue();
    assertThat(first.unresolved()).isFalse();
  }

  @Test
  void routerNamespaceNeighboursAreItsVms() {
    InNamespace ns =
        parse(
            new NetnsExecParser(Spec.NETNS_IP_NEIGH, new IpNeighParser()),
            "netns_ip_neigh",
            "ip_netns_exec_" + QR + "_ip_-s_-s_neigh_show",
            QR);
    IpNeigh n = ns.neighbours().orElseThrow();
    assertThat(n.of("192.168.21.18"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.dev()).isEqualTo("qr-3a70b31c-3f");
              assertThat(x.mac().orElseThrow().toString()).isEqualTo("fa:16:3e:a7:45:cb");
              assertThat(x.state()).isEqualTo("PERMANENT");
            });
  }

  @Test
  void ipRuleKeepsPriorityAndTable() {
    IpRule r = parse(new IpRuleParser(), "ip_rule", "hotsos_qrouter_ip_rule_list.txt", "");
    assertThat(r.rules()).hasSize(5);
    assertThat(r.rules().get(3).priority()).isEqualTo(71743);
    assertThat(r.rules().get(3).selector()).isEqualTo("from 192.168.21.18");
    assertThat(r.rules().get(3).table()).isEqualTo("16");
    assertThat(r.rules().get(4).priority()).isEqualTo(3232240897L);
    IpRule host = parse(new IpRuleParser(), "ip_rule", "iproute2_ip_rule_list.txt", "");
    assertThat(host.rules())
        .extracting(IpRule.Rule::table)
        .containsExactly("local", "main", "default");
  }

  @Test
  void namespaceAddressesAreTheRouterPorts() {
    InNamespace ns =
        parse(
            new NetnsExecParser(Spec.NETNS_IP_ADDR, new IpLinkParser(Spec.IP_ADDR)),
            "netns_ip_addr",
            "ip_netns_exec_" + QR + "_ip_address_show",
            QR);
    IpLink l = ns.addresses().orElseThrow();
    IpLink.LinkDevice qr =
        l.devices().stream()
            .filter(d -> d.name().equals("qr-3a70b31c-3f"))
            .findFirst()
            .orElseThrow();
    assertThat(qr.addresses()).contains("192.168.21.1/24");
    assertThat(qr.isUp()).isTrue();
    InNamespace snat =
        parse(
            new NetnsExecParser(Spec.NETNS_IP_ADDR, new IpLinkParser(Spec.IP_ADDR)),
            "netns_ip_addr",
            "ip_netns_exec_snat-984c22fd-64b3-4fa1-8ddd-87090f401ce5_ip_address_show",
            "snat-984c22fd-64b3-4fa1-8ddd-87090f401ce5");
    IpLink.LinkDevice qg =
        snat.addresses().orElseThrow().devices().stream()
            .filter(d -> d.name().startsWith("qg-"))
            .findFirst()
            .orElseThrow();
    assertThat(qg.isUp()).isFalse();
  }

  @Test
  void namespaceIptablesSaveKeepsTheFloatingIpNatPair() {
    InNamespace ns =
        parse(
            new NetnsExecParser(Spec.NETNS_IPTABLES_SAVE, new IptablesSaveParser()),
            "netns_iptables_save",
            "ip_netns_exec_" + QR + "_iptables-save",
            QR);
    FirewallRules f = ns.firewall().orElseThrow();
    assertThat(f.rules())
        .anySatisfy(r -> assertThat(r.text()).contains("-j DNAT --to-destination 192.168.21.18"));
    assertThat(f.rules())
        .anySatisfy(r -> assertThat(r.text()).contains("-j SNAT --to-source 10.100.0.203"));
  }
}
