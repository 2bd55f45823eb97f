package io.vmflow.job;

import io.vmflow.finding.Severity;
import io.vmflow.report.NightlyReport;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.ObservationStore.Observation;
import java.util.ArrayList;
import java.util.List;

/** Maps history rows to the nightly report's view records. */
final class NightlyReports {

  private NightlyReports() {}

  /**
   * @param unrecorded collections of this run the history has no row for (waiting) or that another
   *     run holds (busy)
   */
  static NightlyReport build(
      HistoryStore history,
      long runId,
      List<NightlyChanges.VmChange> changes,
      Severity failOn,
      List<NightlyReport.BundleRow> unrecorded) {
    List<NightlyReport.VmRow> vms =
        changes.stream()
            .map(
                c ->
                    new NightlyReport.VmRow(
                        c.latest().state().vmId(),
                        c.latest().state().vmName(),
                        c.latest().state().host(),
                        c.latest().state().status(),
                        c.latest().runId(),
                        c.latest().collection(),
                        c.latest().state().reportPage(),
                        c.latest().state().pingRequests(),
                        c.latest().state().pingAnswered(),
                        c.newFindings().stream().map(f -> row(f, c.latest().runId())).toList(),
                        c.open().stream().map(o -> row(o.finding(), o.since())).toList(),
                        c.resolved().stream().map(f -> row(f, c.latest().runId())).toList(),
                        c.others().stream().map(NightlyReports::other).toList()))
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
    List<NightlyReport.BundleRow> bundles = new ArrayList<>();
    history.bundles(runId).stream()
        .map(
            b ->
                new NightlyReport.BundleRow(
                    b.name(),
                    b.sha256(),
                    b.status(),
                    b.reportDir(),
                    b.collection(),
                    b.groupingRule(),
                    b.message()))
        .forEach(bundles::add);
    bundles.addAll(unrecorded);
    return new NightlyReport(runId, failOn.name(), vms, trend, bundles);
  }

  private static NightlyReport.ObservationRow other(Observation o) {
    return new NightlyReport.ObservationRow(
        o.collection(),
        o.state().status(),
        o.runId(),
        o.state().reportPage(),
        o.state().pingRequests(),
        o.state().pingAnswered());
  }

  private static NightlyReport.FindingRow row(HistoryStore.VmFindingRow f, long run) {
    return new NightlyReport.FindingRow(f.code(), f.severity(), f.message(), run);
  }
}
