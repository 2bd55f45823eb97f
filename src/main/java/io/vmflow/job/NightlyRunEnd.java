package io.vmflow.job;

import io.vmflow.finding.Severity;
import io.vmflow.report.NightlyReport;
import io.vmflow.report.NightlyWriter;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.ObservationStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * How every nightly run ends, in one process or on workers: the run closed (or dropped when it
 * analysed nothing, the page then showing the last run), runs beyond {@code --keep} removed with
 * their report folders, the page written.
 */
final class NightlyRunEnd {

  private NightlyRunEnd() {}

  /**
   * @param n processed, failed, skipped, busy
   */
  static NightlyRunner.NightlyOutcome close(
      HistoryStore history,
      ObservationStore observations,
      long runId,
      int[] n,
      int waiting,
      Path out,
      int keep,
      Severity failOn,
      List<NightlyReport.BundleRow> unrecorded)
      throws IOException {
    long shown = runId;
    if (n[0] == 0 && n[1] == 0) {
      history.dropEmptyRun(runId);
      shown = history.lastRuns(1).stream().mapToLong(HistoryStore.RunTotals::runId).max().orElse(0);
    } else {
      history.finishRun(runId, Instant.now(), n[0]);
    }
    retain(history, out, keep);
    NightlyReport report =
        NightlyReports.build(
            history, shown, NightlyChanges.asOf(observations, shown), failOn, unrecorded);
    Path page = new NightlyWriter().write(report, out);
    return new NightlyRunner.NightlyOutcome(n[0], n[1], n[2], n[3], waiting, report, page);
  }

  private static void retain(HistoryStore history, Path out, int keep) throws IOException {
    for (long old : history.runsBeyond(keep)) {
      for (HistoryStore.Bundle b : history.bundles(old)) {
        Path dir = out.resolve(b.reportDir()).normalize();
        if (dir.startsWith(out.resolve("bundles"))) {
          FileSystemUtils.deleteRecursively(dir);
        }
      }
      history.deleteRun(old);
    }
  }
}
