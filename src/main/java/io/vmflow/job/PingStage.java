package io.vmflow.job;

import io.vmflow.ping.PingResults;
import io.vmflow.store.StageResultStore;
import org.springframework.batch.core.job.JobExecution;

/** Stores and reads the ping stage's results, keyed by VM and port. */
final class PingStage {

  static final String PINGS = "pings";

  private PingStage() {}

  static void store(StageResultStore results, long instance, PingResults pings) {
    results.put(instance, PINGS, pings);
  }

  static void store(
      StageResultStore results, RunMemo memo, JobExecution execution, PingResults pings) {
    store(results, execution.getJobInstance().getInstanceId(), pings);
    memo.resultStored(execution, PINGS, pings);
  }

  static PingResults load(StageResultStore results, RunMemo memo, JobExecution execution) {
    long instance = execution.getJobInstance().getInstanceId();
    return memo.result(
            execution,
            PINGS,
            PingResults.class,
            () -> results.get(instance, PINGS, PingResults.class))
        .orElse(PingResults.none());
  }

  static PingResults load(StageResultStore results, long instance) {
    return results.get(instance, PINGS, PingResults.class).orElse(PingResults.none());
  }
}
