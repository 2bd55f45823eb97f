package io.vmflow.report;

import io.vmflow.finding.Severity;
import java.util.List;

/**
 * What the nightly summary shows: each VM's newest observation with what changed and its other
 * observations in the same run, the last runs' trend and the collections of this run (analysed,
 * failed, left waiting, or analysed by a concurrent run). Also written as nightly.json.
 *
 * @param runId the run these changes are as of (0 when no run exists yet)
 * @param failOn the level at which a VM's JUnit test case fails
 */
public record NightlyReport(
    long runId, String failOn, List<VmRow> vms, List<RunPoint> trend, List<BundleRow> bundles) {

  public NightlyReport {
    vms = List.copyOf(vms);
    trend = List.copyOf(trend);
    bundles = List.copyOf(bundles);
  }

  /**
   * @param seenInRun the run whose collection last reported this VM
   * @param collection the collection of this (newest) observation
   * @param others the VM's other observations in {@code seenInRun}, newest first
   * @param newFindings findings first seen in {@code seenInRun}
   * @param open findings still open; {@link FindingRow#run()} is the run since which
   * @param resolved findings present in the VM's previous state and gone now
   */
  public record VmRow(
      String vmId,
      String vmName,
      String host,
      String status,
      long seenInRun,
      String collection,
      String reportPage,
      long pingRequests,
      long pingAnswered,
      List<FindingRow> newFindings,
      List<FindingRow> open,
      List<FindingRow> resolved,
      List<ObservationRow> others) {

    public VmRow {
      newFindings = List.copyOf(newFindings);
      open = List.copyOf(open);
      resolved = List.copyOf(resolved);
      others = List.copyOf(others);
    }

    /**
     * The current finding a failing VM's JUnit case names: the most severe at or above {@code
     * level}, new before open.
     */
    public java.util.Optional<FindingRow> worstAt(Severity level) {
      return Stream2.concat(newFindings, open)
          .filter(f -> Severity.valueOf(f.severity()).isAtLeast(level))
          .min(
              java.util.Comparator.comparing(
                  (FindingRow f) -> -Severity.valueOf(f.severity()).ordinal()));
    }

    /** True when a current finding is at or above {@code level}. */
    public boolean failsAt(Severity level) {
      return Stream2.concat(newFindings, open)
          .anyMatch(f -> Severity.valueOf(f.severity()).isAtLeast(level));
    }
  }

  /** A finding with the run it relates to (first seen, or open since). */
  public record FindingRow(String code, String severity, String message, long run) {}

  /** One run's totals for the trend chart. */
  public record RunPoint(
      long runId,
      String startedAt,
      int bundles,
      int findings,
      long pingRequests,
      long pingAnswered) {
    public double lossPercent() {
      return pingRequests == 0 ? 0 : 100.0 * (pingRequests - pingAnswered) / pingRequests;
    }
  }

  /** Another observation of a VM: the same VM id in another collection. */
  public record ObservationRow(
      String collection,
      String status,
      long run,
      String reportPage,
      long pingRequests,
      long pingAnswered) {}

  /**
   * A collection of this run: DONE, FAILED, RETRY, WAITING (still changing: next run) or BUSY
   * (another run analyses it).
   *
   * @param rule which grouping rule made it, with each member and why
   */
  public record BundleRow(
      String name,
      String sha256,
      String status,
      String reportDir,
      String collection,
      String rule,
      String message) {}

  /** Small stream helper kept private to the record's file. */
  static final class Stream2 {
    private Stream2() {}

    static java.util.stream.Stream<FindingRow> concat(List<FindingRow> a, List<FindingRow> b) {
      return java.util.stream.Stream.concat(a.stream(), b.stream());
    }
  }
}
