package io.vmflow.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import io.vmflow.finding.Finding;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.ingest.IngestLimits;
import io.vmflow.ingest.IngestSink;
import io.vmflow.ingest.Ingestor;
import io.vmflow.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Controller mode against fake {@code openstack}, {@code nova}, {@code neutron} and {@code cps}
 * clients that print real recorded outputs ({@code fixtures/openstack_cli}, the field note's {@code
 * cps host-list} row): the tables land under names vmflow maps to the right kinds, the clients'
 * failures are coverage findings, and the password in the environment is nowhere in the tarball
 * even though one client echoes it.
 */
class CollectControllerModeTest {

  private static final Path CLI =
      Path.of("src/test/resources/fixtures/openstack_cli").toAbsolutePath();
  private static final String PASSWORD = "Sup3r-S3cret-pw!";

  @TempDir static Path tmp;
  static Collector.Run run;
  static Map<String, Spec> kinds = new LinkedHashMap<>();
  static List<Finding> findings = new ArrayList<>();

  @BeforeAll
  static void collect() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    fake(
        bin,
        "openstack",
        Map.of(
            "server list --all-projects --long", cat("9506hqwy_ovs-vlan_openstack_server_list.txt"),
            "port list --long", cat("9506hqwy_net-ovs-vlan_openstack_port_list.txt"),
            "network list --long", cat("neutron-doc_openstack_network_list.txt"),
            "subnet list --long", cat("neutron-doc_openstack_subnet_list.txt"),
            "security group list", fixture("openstack_security_group_list/doc.txt"),
            "floating ip list --long",
                fixture(
                    "openstack_floating_ip_list/neutron-doc_config-qos_unassociated_elided.txt"),
            "security group rule list --long",
                fixture("openstack_security_group_rule_list/all_groups_wrapped.txt"),
            // a client in debug mode echoes the request body, password included, to stderr
            "router list --long",
                cat("neutron-doc_openstack_router_list.txt")
                    + "\necho \"REQ: {\\\"password\\\": \\\"$OS_PASSWORD\\\"}\" >&2"));
    fake(
        bin,
        "nova",
        Map.of(
            "list --all-tenants",
            cat("networking-ovn-doc-2015_nova_list.txt"),
            // an error that quotes the credential on stdout
            "hypervisor-list",
            "echo \"ERROR (Unauthorized): password $OS_PASSWORD rejected\"; exit 1"));
    fake(
        bin,
        "neutron",
        Map.of(
            "port-list", cat("neutron-devref-2016_neutron_port-list.txt"),
            "net-list", cat("neutron-devref-2016_neutron_net-list.txt"),
            "router-list", cat("neutron-devref-2016_neutron_router-list.txt"),
            "security-group-list", fixture("neutron_security_group_list/doc.txt"),
            "floatingip-list", fixture("neutron_floatingip_list/doc.txt"),
            "security-group-rule-list",
                fixture("neutron_security_group_rule_list/port_and_icmp.txt")));
    fake(
        bin,
        "cps",
        Map.of(
            "host-list",
            "cat "
                + Path.of("src/test/resources/fixtures/collect/cps_host-list_grep.txt")
                    .toAbsolutePath()));
    Path out = Files.createDirectories(tmp.resolve("out"));
    run =
        Collector.run(
            out,
            Map.of(
                "PATH",
                bin + ":/usr/bin:/bin",
                "OS_PASSWORD",
                PASSWORD,
                "OS_USERNAME",
                "admin",
                "OS_AUTH_URL",
                "http://ctl01:5000/v3",
                // the fakes answer the lists only; the shows are CollectControllerShowsTest's
                "VMFLOW_COLLECT_MAX_SHOWS",
                "0"),
            List.of(),
            "controller");
    new Ingestor(IngestLimits.defaults(), tmp.resolve("work"))
        .ingest(
            List.of(run.tarball()),
            new IngestSink() {
              @Override
              public void entry(CatalogEntry e) {
                e.spec()
                    .ifPresent(
                        s -> kinds.put(e.origin().substring(e.origin().indexOf("!/") + 2), s));
              }

              @Override
              public void finding(Finding f) {
                findings.add(f);
              }
            });
  }

  @Test
  void packsOneTarballWithOneTopFolder() throws Exception {
    assertThat(run.exit()).as(run.output()).isZero();
    String name = run.tarball().getFileName().toString();
    assertThat(name).matches("vmflow-[\\w.-]+-\\d{8}T\\d{6}Z\\.tar\\.gz");
    String top = name.replace(".tar.gz", "") + "/";
    assertThat(Collector.entries(run.tarball()))
        .allMatch(e -> e.startsWith(top))
        .contains(top + "vmflow-manifest.tsv");
  }

  @Test
  void tablesLandUnderNamesVmflowMapsToTheirKinds() {
    assertThat(kinds)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_server_list_--all-projects_--long",
            Spec.OPENSTACK_SERVER_LIST)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_port_list_--long", Spec.OPENSTACK_PORT_LIST)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_network_list_--long",
            Spec.OPENSTACK_NETWORK_LIST)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_subnet_list_--long",
            Spec.OPENSTACK_SUBNET_LIST)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_router_list_--long",
            Spec.OPENSTACK_ROUTER_LIST)
        .containsEntry(top() + "sos_commands/nova/nova_list_--all-tenants", Spec.NOVA_LIST)
        .containsEntry(top() + "sos_commands/neutron/neutron_port-list", Spec.NEUTRON_PORT_LIST)
        .containsEntry(top() + "sos_commands/neutron/neutron_net-list", Spec.NEUTRON_NET_LIST)
        .containsEntry(top() + "sos_commands/neutron/neutron_router-list", Spec.NEUTRON_ROUTER_LIST)
        .containsEntry(top() + "sos_commands/cps/cps_host-list", Spec.CPS_HOST_LIST)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_security_group_rule_list_--long",
            Spec.OPENSTACK_SECURITY_GROUP_RULE_LIST)
        .containsEntry(
            top() + "sos_commands/neutron/neutron_security-group-rule-list",
            Spec.NEUTRON_SECURITY_GROUP_RULE_LIST)
        .containsEntry(
            top() + "sos_commands/neutron/neutron_security-group-list",
            Spec.NEUTRON_SECURITY_GROUP_LIST)
        .containsEntry(
            top() + "sos_commands/neutron/neutron_floatingip-list", Spec.NEUTRON_FLOATINGIP_LIST)
        .containsEntry(
            top() + "sos_commands/openstack/openstack_floating_ip_list_--long",
            Spec.OPENSTACK_FLOATING_IP_LIST);
  }

  @Test
  void failingClientCommandsAreCoverageFindingsAtTheirManifestLine() {
    List<String> failed =
        findings.stream()
            .filter(f -> f.code().equals("COLLECT_COMMAND_FAILED"))
            .map(Finding::message)
            .toList();
    // the fakes know no hypervisor listing and no neutron subnet-list
    assertThat(failed)
        .anyMatch(m -> m.startsWith("`openstack hypervisor list --long` failed with exit 2"))
        .anyMatch(m -> m.startsWith("`nova hypervisor-list` failed with exit 1"))
        .anyMatch(m -> m.startsWith("`neutron subnet-list` failed with exit 2"))
        .hasSize(3);
    assertThat(findings)
        .filteredOn(f -> f.code().equals("COLLECT_COMMAND_FAILED"))
        .allMatch(f -> f.line() > 10 && f.origin().endsWith("vmflow-manifest.tsv"));
  }

  @Test
  void thePasswordIsNowhereInTheTarball() throws Exception {
    byte[] tar = Collector.tarBytes(run.tarball());
    assertThat(Collector.contains(tar, "REQ: {\"password\": \"********\"}"))
        .as("the echoed request is kept, its secret replaced")
        .isTrue();
    assertThat(Collector.contains(tar, "password ******** rejected")).isTrue();
    assertThat(Collector.contains(tar, PASSWORD)).isFalse();
    assertThat(Collector.contains(Files.readAllBytes(run.tarball()), PASSWORD)).isFalse();
  }

  @Test
  void vmflowAnalysesTheControllerTarball() throws Exception {
    Path out = tmp.resolve("report");
    int exit = VmflowMain.run("analyze", run.tarball().toString(), "-o", out.toString());
    assertThat(exit).isIn(0, 1);
    JsonNode report = JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
    List<String> vms = new ArrayList<>();
    report
        .get("vms")
        .forEach(v -> vms.add(v.get("id").asString() + " " + v.get("name").asString()));
    assertThat(vms)
        .contains(
            "da861f02-dad6-45e8-b82a-554204302958 instance01",
            "571f622e-8f65-4617-9b39-6a04438f394f test1",
            "7a8c12da-54b3-4adf-bba5-74df9fd2e907 test2");
    List<String> codes = new ArrayList<>();
    report.get("findings").forEach(f -> codes.add(f.get("code").asString()));
    assertThat(codes).contains("COLLECT_MANIFEST", "COLLECT_COMMAND_FAILED");
  }

  private static String top() {
    return run.tarball().getFileName().toString().replace(".tar.gz", "") + "/";
  }

  private static String fixture(String file) {
    return "cat " + Path.of("src/test/resources/fixtures", file).toAbsolutePath();
  }

  private static String cat(String fixture) {
    return "cat " + CLI.resolve(fixture);
  }

  /** A client that answers the given argument lines and fails on any other, as real clients do. */
  private static void fake(Path bin, String name, Map<String, String> answers) throws Exception {
    StringBuilder sh = new StringBuilder("#!/usr/bin/env bash\ncase \"$*\" in\n");
    answers.forEach(
        (args, body) ->
            sh.append("  \"").append(args).append("\")\n    ").append(body).append("\n    ;;\n"));
    sh.append("  *)\n    echo \"")
        .append(name)
        .append(": '$*' is not a ")
        .append(name)
        .append(" command. See '")
        .append(name)
        .append(" --help'.\" >&2\n    exit 2\n    ;;\nesac\n");
    Path f = bin.resolve(name);
    Files.writeString(f, sh);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
