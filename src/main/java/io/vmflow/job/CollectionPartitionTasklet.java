package io.vmflow.job;

import io.vmflow.store.BundleRetries;
import io.vmflow.store.CollectionClaims;
import io.vmflow.store.HistoryStore;
import io.vmflow.store.PartitionClaims;
import io.vmflow.store.RunOwners;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A worker's partition: one collection. Checks the worker can read its files, claims it under this
 * worker ({@code host:pid}, heartbeat every quarter of the stale time), analyses it as the local
 * nightly run does and records its history rows, which happens at most once per collection (the
 * claim, and {@link HistoryStore#recordDone} writing only while the run holds a claim not DONE).
 * The outcome is left in the partition's context for the manager; a collection that failed (its
 * files unreadable here, or its analysis) fails the partition with that message, not the run.
 */
final class CollectionPartitionTasklet implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(CollectionPartitionTasklet.class);

  private final AnalyzeLauncher launcher;
  private final HistoryStore history;
  private final PartitionClaims claims;
  private final CollectionClaims localClaims;
  private final CollectionRecorder recorder;
  private final BundleRetries retries;
  private final JobRepository repository;
  private final Duration stale;

  CollectionPartitionTasklet(
      AnalyzeLauncher launcher,
      HistoryStore history,
      PartitionClaims claims,
      CollectionClaims localClaims,
      CollectionRecorder recorder,
      BundleRetries retries,
      JobRepository repository,
      Duration stale) {
    this.launcher = launcher;
    this.history = history;
    this.claims = claims;
    this.localClaims = localClaims;
    this.recorder = recorder;
    this.retries = retries;
    this.repository = repository;
    this.stale = stale;
  }

  private record Result(String outcome, String message) {}

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) throws Exception {
    StepExecution step = chunk.getStepContext().getStepExecution();
    ExecutionContext ctx = step.getExecutionContext();
    String before = ctx.getString(CollectionPartitioner.OUTCOME, "");
    if (!before.isEmpty() && !before.equals("FAILED")) {
      // a request sent again while the first worker was finishing: its outcome stands
      return RepeatStatus.FINISHED;
    }
    CollectionPartitioner.Partition p = CollectionPartitioner.read(ctx);
    // the analysis launches its own job and records in its own transactions: not inside this
    // step's transaction, which is bound to this thread
    ExecutorService own = Executors.newSingleThreadExecutor();
    Result r;
    try {
      r = own.submit(() -> analyse(p, step)).get();
    } catch (ExecutionException e) {
      r = new Result("FAILED", e.getCause().toString());
    } finally {
      own.shutdownNow();
    }
    ctx.putString(CollectionPartitioner.OUTCOME, r.outcome());
    ctx.putString(CollectionPartitioner.MESSAGE, r.message());
    log.info("collection {}: {} {}", p.ready().collection().name(), r.outcome(), r.message());
    if (r.outcome().equals("FAILED")) {
      throw new IllegalStateException(r.message());
    }
    return RepeatStatus.FINISHED;
  }

  private Result analyse(CollectionPartitioner.Partition p, StepExecution step) {
    NightlyCollections.Collection c = p.ready().collection();
    String worker = RunOwners.self();
    if (!claims.isRunOpen(p.runId())) {
      return new Result("ABANDONED", "nightly run " + p.runId() + " is over");
    }
    java.util.Optional<String> unreadable = InboxAccess.problem(c.paths());
    if (unreadable.isPresent()) {
      return new Result("FAILED", "worker " + worker + " " + unreadable.get());
    }
    if (!NightlyIntake.states(c.paths()).equals(p.ready().states())) {
      return new Result("WAITING", "changed since the inbox was read: analysed by a later run");
    }
    String sha = InputFingerprint.sha256(c.paths());
    Path dir = c.reportDir(p.output(), sha);
    CollectionClaims.Claim claim =
        claims.claim(c.claimRow(sha, p.output()), p.runId(), worker, Instant.now(), stale);
    step.getExecutionContext().putString(CollectionPartitioner.SHA, sha);
    step.getExecutionContext().putString(CollectionPartitioner.WORKER, worker);
    repository.updateExecutionContext(step);
    return switch (claim.outcome()) {
      case DONE -> new Result("KNOWN", "analysed before");
      case BUSY ->
          new Result("BUSY", "being analysed by run " + claim.holder() + " at the same time");
      case CLAIMED -> analyseClaimed(p, sha, dir, worker, claim);
    };
  }

  private Result analyseClaimed(
      CollectionPartitioner.Partition p,
      String sha,
      Path dir,
      String worker,
      CollectionClaims.Claim claim) {
    ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor();
    long every = Math.max(1, stale.toMillis() / 4);
    beat.scheduleWithFixedDelay(
        () -> claims.heartbeat(sha, worker, Instant.now()), every, every, TimeUnit.MILLISECONDS);
    try {
      java.util.List<Path> paths = p.ready().collection().paths();
      AnalyzeOutcome o = launcher.run(paths, dir);
      if (!NightlyIntake.states(paths).equals(p.ready().states())) {
        localClaims.release(sha, p.runId());
        return new Result("WAITING", "changed during the analysis: result discarded");
      }
      if (!o.completed()) {
        history.markFailed(sha, p.runId(), "job " + o.status());
        return new Result("FAILED", "job " + o.status());
      }
      boolean again = claim.previousStatus().filter(BundleRetries.RETRY::equals).isPresent();
      if (!again && recorder.isTruncated(o.instanceId())) {
        retries.markRetry(sha, "archive ends early; analysed again next run");
        return new Result("RETRY", "archive ends early; analysed again next run");
      }
      if (claims.isHeldBy(sha, worker)
          && recorder.record(p.runId(), sha, o.instanceId(), p.output().relativize(dir))) {
        return new Result("ANALYSED", p.output().relativize(dir).toString());
      }
      return new Result("BUSY", "taken over by another worker: its result is not recorded");
    } catch (Exception e) {
      log.warn("collection {} failed: {}", p.ready().collection().name(), e.toString());
      history.markFailed(sha, p.runId(), e.toString());
      return new Result("FAILED", e.toString());
    } finally {
      beat.shutdownNow();
    }
  }
}
