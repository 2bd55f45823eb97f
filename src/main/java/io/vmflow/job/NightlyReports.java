package io.vmflow.job;

import io.vmflow.finding.Severity;
import io.vmflow.report.NightlyReport;
import io.vmflow.store.HistoryStore;
import java.util.List;

/** Maps history rows to the nightly report's view records. */
final class NightlyReports {

  private NightlyReports() {}

  static NightlyReport build(
      HistoryStore history, long runId, List<NightlyChanges.VmChange> changes, Severity failOn) {
    List<NightlyReport.VmRow> vms =
        changes.stream()
            .map(
                c ->
                    new NightlyReport.VmRow(
                        c.state().vmId(),
                        c.state().vmName(),
                        c.state().host(),
                        c.state().status(),
                        c.seenInRun(),
                        c.state().reportPage(),
                        c.state().pingRequests(),
                        c.state().pingAnswered(),
                        c.newFindings().stream().map(f -> row(f, c.seenInRun())).toList(),
                        c.open().stream().map(o -> row(o.finding(), o.since())).toList(),
                        c.resolved().stream().map(f -> row(f, c.seenInRun())).toList()))
            .toList();
    List<NightlyReport.RunPoint> trend =
        history.lastRuns(30).stream()
            .map(
                t ->
                    new NightlyReport.RunPoint(
                        t.runId(),
                        t.startedAt().toString(),
                        t.bundles(),
                        t.findings(),
                        t.pingRequests(),
                        t.pingAnswered()))
            .toList();
    List<NightlyReport.BundleRow> bundles =
        history.bundles(runId).stream()
            .map(b -> new NightlyReport.BundleRow(b.name(), b.sha256(), b.status(), b.reportDir()))
            .toList();
    return new NightlyReport(runId, failOn.name(), vms, trend, bundles);
  }

  private static NightlyReport.FindingRow row(HistoryStore.VmFindingRow f, long run) {
    return new NightlyReport.FindingRow(f.code(), f.severity(), f.message(), run);
  }
}
