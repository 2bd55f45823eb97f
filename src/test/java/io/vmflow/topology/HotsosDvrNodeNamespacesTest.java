package io.vmflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.vmflow.finding.Finding;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real DVR node's sosreport (hotsos's {@code fake_data_root/openstack}, compute4, with a
 * distributed router's {@code qrouter-}, its central {@code snat-} and the {@code fip-} namespace;
 * every per-namespace output of it vmflow has a parser for, see peers/SOURCE.md): each file parses
 * with no finding, and every namespace and every device in it is read for what neutron made it.
 */
class HotsosDvrNodeNamespacesTest {

  private static final Path TREE = Path.of("src/test/resources/peers/hotsos/openstack");
  private static final String ROUTER = "984c22fd-64b3-4fa1-8ddd-87090f401ce5";
  private static final String EXT_NET = "32981f34-497a-4fae-914a-8576055c8d0d";

  private static final List<Finding> findings = new ArrayList<>();
  private static final List<Spec> namespaceSpecs = new ArrayList<>();
  private static Topology topology;

  @BeforeAll
  static void parseTheTree() throws IOException {
    List<Fact> facts = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TREE)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = TREE.relativize(f).toString().replace('\\', '/');
        var match = BundleLayout.match(rel);
        if (match.isEmpty()) {
          continue;
        }
        Spec spec = match.get().spec();
        CommandParser<?> parser = ParserRegistry.parserFor(spec).orElseThrow();
        List<String> lines =
            new String(Files.readAllBytes(f), StandardCharsets.UTF_8).lines().toList();
        var p = parser.parse(new SourceText(spec, rel, 1, match.get().subject(), lines));
        findings.addAll(p.findings());
        if (spec == Spec.IP_NETNS || spec.name().startsWith("NETNS_")) {
          namespaceSpecs.add(spec);
        }
        p.value()
            .ifPresent(v -> facts.add(new Fact("compute4", spec, rel, match.get().subject(), v)));
      }
    }
    topology = TopologyBuilder.build(facts);
  }

  @Test
  void everyNamespaceOutputIsReadWithoutAFinding() {
    assertThat(namespaceSpecs)
        .contains(
            Spec.IP_NETNS,
            Spec.NETNS_IP_ADDR,
            Spec.NETNS_IP_ROUTE,
            Spec.NETNS_IP_NEIGH,
            Spec.NETNS_IP_RULE,
            Spec.NETNS_IPTABLES_SAVE);
    assertThat(namespaceSpecs).hasSizeGreaterThanOrEqualTo(19);
    assertThat(findings).isEmpty();
  }

  @Test
  void theThreeNamespacesAreClassifiedByKindWithTheirObject() {
    assertThat(topology.namespaces())
        .extracting(Namespace::name, Namespace::kind, Namespace::objectId)
        .containsExactlyInAnyOrder(
            tuple("fip-" + EXT_NET, "FIP", EXT_NET),
            tuple("qrouter-" + ROUTER, "QROUTER", ROUTER),
            tuple("snat-" + ROUTER, "SNAT", ROUTER));
    assertThat(topology.namespaces())
        .allSatisfy(
            n -> {
              assertThat(n.hasAddresses()).as(n.name() + " addresses").isTrue();
              assertThat(n.hasRoutes()).as(n.name() + " routes").isTrue();
              assertThat(n.hasNeighbours()).as(n.name() + " neighbours").isTrue();
              assertThat(n.hasFirewall()).as(n.name() + " iptables").isTrue();
              assertThat(n.evidence()).as(n.name() + " listed by ip netns").isNotEmpty();
            });
  }

  @Test
  void everyDeviceOfTheNamespacesHasItsNeutronRoleAndBrIntPort() {
    List<String> roles = new ArrayList<>();
    for (Namespace n : topology.namespaces()) {
      for (Namespace.Port p : n.ports()) {
        roles.add(n.kind() + " " + p.device() + " " + p.role());
      }
    }
    assertThat(roles)
        .noneMatch(r -> r.endsWith(" other"))
        .contains(
            "QROUTER qr-3a70b31c-3f qr",
            "QROUTER rfp-984c22fd-6 rfp",
            "FIP fpr-984c22fd-6 fpr",
            "FIP fg-c8dcce74-c4 fg",
            "SNAT sg-189f4c40-9d sg",
            "SNAT qg-14f81a43-69 qg",
            "SNAT ha-550dc175-c0 ha");
    Namespace.Port qr =
        topology.namespaces().stream()
            .flatMap(n -> n.ports().stream())
            .filter(p -> p.device().equals("qr-3a70b31c-3f"))
            .findFirst()
            .orElseThrow();
    assertThat(qr.bridge()).isEqualTo("br-int");
    assertThat(qr.portId()).isEqualTo("3a70b31c-3f");
  }

  @Test
  void theRoutersNatTablesAreReadAsTheirFloatingIpPair() {
    Namespace qrouter =
        topology.namespaces().stream()
            .filter(n -> n.kind().equals("QROUTER"))
            .findFirst()
            .orElseThrow();
    assertThat(qrouter.nat())
        .extracting(Namespace.Nat::kind, Namespace.Nat::match, Namespace.Nat::to)
        .contains(
            tuple("DNAT", "10.100.0.203", "192.168.21.18"),
            tuple("SNAT", "192.168.21.18", "10.100.0.203"));
    assertThat(topology.l3().hasNetnsListing("compute4")).isTrue();
  }
}
