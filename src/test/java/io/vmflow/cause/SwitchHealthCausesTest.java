package io.vmflow.cause;

import static io.vmflow.cause.LabFacts.A;
import static io.vmflow.cause.LabFacts.B;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The switch's drop counters, flow limit and MAC tables, tied to the VMs that cross it. */
class SwitchHealthCausesTest {

  // a real output from the fixtures, parsed by its registered parser, as a fact of host
  static Fact fixture(String host, Spec spec, String name, String subject) throws IOException {
    Path p = Path.of("src/test/resources/fixtures", spec.id(), name);
    SourceText text = new SourceText(spec, p.toString(), 1, subject, Files.readAllLines(p));
    ParsedRecord value =
        ParserRegistry.parserFor(spec).orElseThrow().parse(text).value().orElseThrow();
    return new Fact(host, spec, p.toString(), subject, value);
  }

  static List<Finding> of(String code, Fact... facts) {
    return SwitchHealthCauses.of(LabFacts.topology(), List.of(facts)).stream()
        .filter(f -> f.code().equals(code))
        .toList();
  }

  @Test
  void risingDatapathDropsWarnForEveryVmOnThatHostAndPolicyDropsStayInfo() throws IOException {
    Fact cov = fixture(A, Spec.OVS_APPCTL_COVERAGE_SHOW, "dummy_drops.txt", "");
    List<Finding> drops = of(SwitchHealthCauses.OVS_DATAPATH_DROPS, cov);
    // two counters, each said for vm1 and vm2 (compute-a); vm3 lives on compute-b
    assertThat(drops).hasSize(4);
    assertThat(drops).extracting(Finding::vmId).containsOnly("vm1-id", "vm2-id");
    assertThat(drops)
        .filteredOn(f -> f.message().contains("drop_action_recursion_too_deep"))
        .allSatisfy(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("compute-a", " 3 since start", "/s over the last");
              assertThat(f.line()).isPositive();
            });
    assertThat(drops)
        .filteredOn(f -> f.message().contains("drop_action_of_pipeline"))
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
  }

  @Test
  void healthyLabSwitchSaysNothing() throws IOException {
    assertThat(
            SwitchHealthCauses.of(
                LabFacts.topology(),
                List.of(
                    fixture(A, Spec.OVS_APPCTL_COVERAGE_SHOW, "lab_compute-a.txt", ""),
                    fixture(A, Spec.OVS_APPCTL_UPCALL_SHOW, "lab_netdev.txt", ""),
                    fixture(A, Spec.OVS_APPCTL_FDB_STATS_SHOW, "lab_br-int.txt", "br-int"),
                    fixture(A, Spec.ETHTOOL_S, "doc.txt", "ens3"))))
        .isEmpty();
  }

  @Test
  void aFullMacTableWarnsTheVmsWhosePathCrossesThatBridge() throws IOException {
    // hotsos's wrapping table, as if it were compute-b's br-int: vm3 crosses it
    Fact full =
        fixture(B, Spec.OVS_APPCTL_FDB_STATS_SHOW, "hotsos_fdb_wrapping_br-ex.txt", "br-ex");
    Fact asBrInt =
        new Fact(
            B,
            full.spec(),
            full.origin(),
            "br-int",
            new io.vmflow.parse.OvsAppctlFdbStatsShow(
                "br-int", 8192, 8192, 404733358L, 1, 404725165L, 3, 2, 6));
    assertThat(of(SwitchHealthCauses.MAC_TABLE_FULL, asBrInt))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.vmId()).isEqualTo("vm3-id");
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.message()).contains("br-int on compute-b", "8192/8192", "404725165");
            });
    // br-ex is on no VM's path: the host alone hears of it
    assertThat(of(SwitchHealthCauses.MAC_TABLE_FULL, full))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.vmId()).isEmpty();
              assertThat(f.hostKey()).isEqualTo(B);
            });
  }

  @Test
  void aDatapathAtItsFlowLimitWarns() {
    Fact f =
        new Fact(
            A,
            Spec.OVS_APPCTL_UPCALL_SHOW,
            "ovs-appctl_upcall.show",
            "",
            new io.vmflow.parse.OvsAppctlUpcallShow(
                List.of(
                    new io.vmflow.parse.OvsAppctlUpcallShow.Datapath(
                        "system@ovs-system", 2000, 1900, 2000, 2000, 2300, 2))));
    assertThat(of(SwitchHealthCauses.UPCALL_FLOW_LIMIT, f))
        .hasSize(2)
        .allSatisfy(x -> assertThat(x.message()).contains("(limit 2000)", "compute-a"));
    assertThat(of(SwitchHealthCauses.UPCALL_SLOW_DUMP, f)).hasSize(2);
  }
}
