package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Category;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manifest vmflow-collect really wrote on a machine without a running Open vSwitch or libvirt:
 * its failed and absent commands become coverage findings at their manifest lines, and the host it
 * names owns the bundle.
 */
class CollectManifestTest {

  private static final Path MANIFEST =
      Path.of("src/test/resources/fixtures/collect/vmflow-manifest.tsv");

  @Test
  void parsesHeaderAndRows() throws Exception {
    CollectManifest m = CollectManifest.parse(Files.readAllLines(MANIFEST));
    assertThat(m.host()).isEqualTo("vm");
    assertThat(m.collector()).isEqualTo("vmflow-collect 0.1.0");
    assertThat(m.mode()).isEqualTo("host");
    assertThat(m.collectedUtc())
        .hasValueSatisfying(t -> assertThat(t).isAfter(Instant.parse("2026-01-01T00:00:00Z")));
    assertThat(m.badLines()).isEmpty();
    CollectManifest.Run vsctl =
        m.runs().stream()
            .filter(r -> r.command().equals("ovs-vsctl -t 5 show"))
            .findFirst()
            .orElseThrow();
    assertThat(vsctl.exit()).isEqualTo("1");
    assertThat(vsctl.line()).isEqualTo(29);
    assertThat(vsctl.note()).contains("database connection failed");
    assertThat(m.runs())
        .filteredOn(r -> r.command().equals("ip -d address"))
        .singleElement()
        .satisfies(r -> assertThat(r.failed()).isFalse());
  }

  @Test
  void failedAndAbsentCommandsAreCoverageFindingsWithTheirLine(@TempDir Path tmp) throws Exception {
    Path bundle = Files.createDirectories(tmp.resolve("in/vmflow-vm-20261125T123326Z"));
    Files.copy(MANIFEST, bundle.resolve("vmflow-manifest.tsv"));
    Files.createDirectories(bundle.resolve("sos_commands/bridge"));
    Files.writeString(
        bundle.resolve("sos_commands/bridge/brctl_show"),
        "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
    List<CatalogEntry> entries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    new Ingestor(IngestLimits.defaults(), tmp.resolve("work"))
        .ingest(
            List.of(tmp.resolve("in")),
            new IngestSink() {
              @Override
              public void entry(CatalogEntry entry) {
                entries.add(entry);
              }

              @Override
              public void finding(Finding finding) {
                findings.add(finding);
              }
            });

    assertThat(findings)
        .filteredOn(f -> f.code().equals("COLLECT_COMMAND_FAILED"))
        .extracting(Finding::line)
        .containsExactly(29, 30, 32);
    Finding vsctl = findings.stream().filter(f -> f.line() == 29).findFirst().orElseThrow();
    assertThat(vsctl.category()).isEqualTo(Category.COVERAGE);
    assertThat(vsctl.severity()).isEqualTo(Severity.WARNING);
    assertThat(vsctl.origin()).endsWith("vmflow-vm-20261125T123326Z/vmflow-manifest.tsv");
    assertThat(vsctl.message()).contains("`ovs-vsctl -t 5 show` failed with exit 1");
    // ovs-dpctl failed but the collector fell back to ovs-appctl dpctl/show: said, not alarmed
    assertThat(findings)
        .filteredOn(f -> f.line() == 31)
        .singleElement()
        .satisfies(f -> assertThat(f.code()).isEqualTo("COLLECT_COMMAND_RETRIED"))
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(findings)
        .filteredOn(f -> f.code().equals("COLLECT_COMMAND_SKIPPED"))
        .extracting(Finding::line)
        .containsExactly(33);
    assertThat(findings)
        .filteredOn(f -> f.code().equals("COLLECT_MANIFEST"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("vmflow-collect 0.1.0", "on vm", "mode host", "4 failed or not run"));
    assertThat(findings).noneMatch(f -> f.code().equals(IngestCodes.UNRECOGNISED_TEXT));
    // the manifest names the host of everything in its bundle
    assertThat(entries).extracting(CatalogEntry::host).containsOnly("vm");
    assertThat(entries)
        .filteredOn(e -> e.origin().endsWith("vmflow-manifest.tsv"))
        .singleElement()
        .satisfies(e -> assertThat(e.command()).isEqualTo(ManifestEntries.MANIFEST));
  }

  @Test
  void aTsvThatIsNotAManifestIsNotReadAsOne() {
    assertThat(CollectManifest.is("x/vmflow-manifest.tsv", List.of("command\toutput"))).isFalse();
    assertThat(CollectManifest.is("x/other.tsv", List.of("# vmflow-collect manifest\t1")))
        .isFalse();
    CollectManifest m =
        CollectManifest.parse(
            List.of(
                "# vmflow-collect manifest\t1",
                "command\toutput\texit\tduration_ms\tnote",
                "only\ttwo"));
    assertThat(m.badLines()).containsExactly(3);
  }
}
