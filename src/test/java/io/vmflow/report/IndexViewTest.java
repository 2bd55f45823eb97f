package io.vmflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.bench.RenderLargeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 600-VM run on 6 hosts (one VM in ten with a finding): past 500 VMs the index lists the VMs that
 * need a look and groups the OK ones per host in collapsed {@code <details>}.
 */
class IndexViewTest {

  @Test
  void beyondFiveHundredVmsOkOnesAreGroupedPerHost(@TempDir Path tmp) throws Exception {
    Report report =
        ReportBuilder.build(
            RenderLargeReport.input(600, 6, Files.createDirectories(tmp.resolve("sources"))));

    IndexView index = IndexView.of(report);

    assertThat(index.vms())
        .hasSize(60)
        .allSatisfy(v -> assertThat(v.status()).isIn("WARNING", "ERROR"));
    assertThat(index.okByHost()).hasSize(6);
    assertThat(index.okByHost().get(0).host()).isEqualTo("BC00HGSA0");
    assertThat(index.okByHost().stream().mapToInt(g -> g.vms().size()).sum()).isEqualTo(540);
    assertThat(index.codes())
        .extracting(IndexView.CodeCount::severity, IndexView.CodeCount::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(io.vmflow.finding.Severity.ERROR, 12),
            org.assertj.core.groups.Tuple.tuple(io.vmflow.finding.Severity.WARNING, 48));
    assertThat(index.findings().get(0).severity()).isEqualTo(io.vmflow.finding.Severity.ERROR);

    Path html = new ReportWriter().writeIndex(report, Files.createDirectories(tmp.resolve("out")));
    String page = Files.readString(html);
    assertThat(page.split("<details class=\"okhost\">", -1)).hasSize(7);
    assertThat(page)
        .contains("60 VMs need a look (listed first); the 540 OK ones are grouped per host below.");
    assertThat(page.split("<tr>", -1).length - 1)
        .as("every VM still has its row")
        .isGreaterThanOrEqualTo(600);
  }

  @Test
  void aSmallRunIsOneFlatTable(@TempDir Path tmp) throws Exception {
    Report report = ReportBuilder.build(RenderLargeReport.input(40, 2, tmp));

    IndexView index = IndexView.of(report);

    assertThat(index.vms()).hasSize(40);
    assertThat(index.okByHost()).isEmpty();
    assertThat(index.moreFindings()).isZero();
  }

  @Test
  void findingsBeyondTheCapAreCountedNotListed(@TempDir Path tmp) throws Exception {
    Report report = ReportBuilder.build(RenderLargeReport.input(6000, 10, tmp));

    IndexView index = IndexView.of(report);

    assertThat(index.findings()).hasSize(IndexView.MAX_FINDINGS);
    assertThat(index.moreFindings()).isEqualTo(600 - IndexView.MAX_FINDINGS);
    assertThat(index.findings())
        .extracting(Report.FindingView::severity)
        .startsWith(io.vmflow.finding.Severity.ERROR);
  }
}
