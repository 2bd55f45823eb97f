package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.PingResults;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, readable evidence: an evidence page says which findings cite each line and links back
 * to them; a host page lists the findings about the host and its VMs.
 */
class CitationsTest {

  private static final String FLOWS =
      "compute-a.tar.gz!/sos_commands/openvswitch/dump-flows_br-int";

  @Test
  void evidenceLinesNameTheFindingsCitingThemAndHostPagesListFindings(@TempDir Path tmp)
      throws Exception {
    Path content =
        Files.writeString(
            tmp.resolve("flows.txt"),
            "NXST_FLOW reply (xid=0x4):\n"
                + " table=0, n_packets=40, priority=200,icmp,icmp_type=0 actions=drop\n"
                + " table=0, priority=0 actions=NORMAL\n");
    Host host =
        new Host(
            "compute-a",
            "",
            "compute-a",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Vm vm = new Vm("vm1", "web", "ACTIVE", "compute-a", List.of(), List.of(), List.of());
    Finding drop =
        Finding.network(Severity.ERROR, "FLOW_DROPS_VM_TRAFFIC", "a flow drops replies", FLOWS, 2)
            .about("vm1", "", "compute-a");
    Finding hostOnly =
        Finding.network(Severity.WARNING, "HOST_THING", "something on the host", FLOWS, 3)
            .about("", "", "compute-a");
    Report report =
        ReportBuilder.build(
            new ReportInput(
                new ReportInput.RunInfo("t", "now", List.of()),
                new Topology(List.of(host), List.of(vm), List.of()),
                List.of(drop, hostOnly),
                PingResults.none(),
                List.of(new EvidenceSource(FLOWS, content))));
    Path out = tmp.resolve("out");
    new ReportWriter().write(report, out);

    String page = Files.readString(out.resolve(report.evidencePages().get(FLOWS)));
    String l1 = line(page, "L1");
    String l2 = line(page, "L2");
    String l3 = line(page, "L3");
    assertThat(l1).doesNotContain("cited");
    assertThat(l2)
        .contains("class=\"cited\"")
        .contains("FLOW_DROPS_VM_TRAFFIC")
        .contains("href=\"" + report.vms().get(0).page() + "#findings\"");
    assertThat(l3)
        .contains("HOST_THING")
        .contains("href=\"" + report.hostPages().get("compute-a") + "#findings\"");

    String hostPage = Files.readString(out.resolve(report.hostPages().get("compute-a")));
    assertThat(hostPage).contains("id=\"findings\"");
    String findings = hostPage.substring(hostPage.indexOf("id=\"findings\""));
    assertThat(findings).contains("FLOW_DROPS_VM_TRAFFIC").contains("HOST_THING");
    // the VM's page has the anchor the evidence page links to
    assertThat(Files.readString(out.resolve(report.vms().get(0).page())))
        .contains("id=\"findings\"");
  }

  private static String line(String page, String id) {
    int at = page.indexOf("<pre id=\"" + id + "\"");
    return page.substring(at, page.indexOf("</pre>", at));
  }
}
