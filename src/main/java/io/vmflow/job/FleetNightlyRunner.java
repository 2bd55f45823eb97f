package io.vmflow.job;

import io.vmflow.finding.Severity;
import io.vmflow.model.VmflowVersion;
import io.vmflow.report.NightlyReport;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.InterruptedRuns;
import io.vmflow.store.ObservationStore;
import io.vmflow.store.RunOwners;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * {@code vmflow nightly --workers remote}: the manager. Scans the inbox as the local run does
 * ({@link NightlyIntake}), opens the night's run in the history, and runs {@code nightlyFleetJob},
 * whose partitioned step hands one collection per partition to the workers ({@link
 * FleetConfiguration}). When every partition has finished it reads their outcomes from the job
 * repository and writes the same pages as the local run. The run's heartbeat goes on while it
 * waits, so neither a local run nor a worker takes it for dead.
 */
public class FleetNightlyRunner {

  private static final Logger log = LoggerFactory.getLogger(FleetNightlyRunner.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job job;
  private final CollectionPartitioner partitioner;
  private final HistoryStore history;
  private final ObservationStore observations;
  private final InterruptedRuns interrupted;
  private final Duration settle;

  FleetNightlyRunner(
      JobOperator operator,
      JobRepository repository,
      Job nightlyFleetJob,
      CollectionPartitioner partitioner,
      HistoryStore history,
      ObservationStore observations,
      InterruptedRuns interrupted,
      Duration settle) {
    this.operator = operator;
    this.repository = repository;
    this.job = nightlyFleetJob;
    this.partitioner = partitioner;
    this.history = history;
    this.observations = observations;
    this.interrupted = interrupted;
    this.settle = settle;
  }

  public NightlyRunner.NightlyOutcome run(Path inbox, Path out, int keep, Severity failOn)
      throws Exception {
    int repaired = interrupted.repair(Instant.now());
    if (repaired > 0) {
      log.info("closed {} nightly runs left unfinished by a killed process", repaired);
    }
    long t0 = System.nanoTime();
    NightlyIntake.Intake intake = NightlyIntake.scan(inbox, out, settle, Instant.now());
    List<NightlyReport.BundleRow> unrecorded = new ArrayList<>();
    intake.waiting().forEach(w -> unrecorded.add(row(w.name(), "WAITING", w.why())));
    long runId = history.startRun(Instant.now(), RunOwners.self());
    log.info(
        "inbox scanned in {} ms: {} collections for the workers",
        (System.nanoTime() - t0) / 1_000_000,
        intake.ready().size());
    int[] n = new int[4]; // processed, failed, skipped, busy
    if (!intake.ready().isEmpty()) {
      ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();
      beat.scheduleWithFixedDelay(
          () -> history.heartbeat(runId, Instant.now()), 30, 30, TimeUnit.SECONDS);
      try {
        partitioner.prepare(new CollectionPartitioner.Plan(runId, out, intake.ready()));
        JobExecution e =
            operator.start(
                job,
                new JobParametersBuilder()
                    .addLong("nightly.run", runId, true)
                    .addString("vmflow.version", VmflowVersion.get(), true)
                    .toJobParameters());
        count(e.getId(), n, unrecorded);
      } finally {
        beat.shutdownNow();
      }
    }
    NightlyRunner.NightlyOutcome o =
        NightlyRunEnd.close(
            history,
            observations,
            runId,
            n,
            intake.waiting().size(),
            out,
            keep,
            failOn,
            unrecorded);
    log.info(
        "nightly run {} on the workers: {} collections analysed, {} failed, {} already known, {}"
            + " analysed by another run, {} still changing",
        o.report().runId(),
        n[0],
        n[1],
        n[2],
        n[3],
        intake.waiting().size());
    return o;
  }

  // each partition's outcome as its worker left it; one no worker finished is a failure
  private void count(long jobExecutionId, int[] n, List<NightlyReport.BundleRow> unrecorded) {
    JobExecution done = repository.getJobExecution(jobExecutionId);
    for (StepExecution s : done.getStepExecutions()) {
      if (!s.getStepName().startsWith(FleetConfiguration.WORKER_STEP + ":")) {
        continue;
      }
      StepExecution p = repository.getStepExecution(s.getId());
      var ctx = p.getExecutionContext();
      String name = ctx.getString(CollectionPartitioner.NAME, p.getStepName());
      String outcome = ctx.getString(CollectionPartitioner.OUTCOME, "");
      String message = ctx.getString(CollectionPartitioner.MESSAGE, "");
      String sha = ctx.getString(CollectionPartitioner.SHA, "");
      switch (outcome) {
        case "ANALYSED" -> n[0]++;
        case "KNOWN", "ABANDONED" -> n[2]++;
        case "BUSY" -> {
          n[3]++;
          unrecorded.add(row(name, "BUSY", message));
        }
        case "WAITING" -> unrecorded.add(row(name, "WAITING", message));
        case "RETRY" -> n[1]++;
        default -> {
          n[1]++;
          if (sha.isEmpty() || history.bundle(sha).isEmpty()) {
            String why =
                outcome.isEmpty()
                    ? "no worker finished it: " + p.getStatus() + " " + firstLine(p)
                    : message;
            unrecorded.add(row(name, "FAILED", why));
          }
        }
      }
    }
  }

  private static String firstLine(StepExecution p) {
    String d = p.getExitStatus().getExitDescription();
    return d == null ? "" : d.lines().findFirst().orElse("");
  }

  private static NightlyReport.BundleRow row(String name, String status, String why) {
    return new NightlyReport.BundleRow(name, "", status, "", name, "", why);
  }
}
