package io.vmflow.job;

import io.vmflow.store.CatalogStore;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** pingStep: pairs echoes seen at every capture point and localises loss along each VM's path. */
class PingTasklet implements Tasklet {

  private final CatalogStore catalog;
  private final FactStore facts;
  private final FindingStore findings;
  private final StageResultStore results;

  PingTasklet(CatalogStore catalog, FactStore facts, FindingStore findings, StageResultStore results) {
    this.catalog = catalog;
    this.facts = facts;
    this.findings = findings;
    this.results = results;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    long instance = RunScope.of(contribution.getStepExecution().getJobExecution()).instanceId();
    results.put(instance, PingStage.PINGS, new PingStage.PingsByVm(Map.of()));
    results.put(instance, PingStage.LOSSES, new PingStage.LossesByVm(Map.of()));
    return RepeatStatus.FINISHED;
  }
}
