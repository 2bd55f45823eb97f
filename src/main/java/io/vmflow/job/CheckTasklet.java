package io.vmflow.job;

import io.vmflow.check.Checks;
import io.vmflow.finding.Finding;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Topology;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** checkStep: every rule over the stored topology; findings replace the previous attempt's. */
class CheckTasklet implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(CheckTasklet.class);

  private final FindingStore findings;
  private final StageResultStore results;
  private final RunMemo memo;

  CheckTasklet(FindingStore findings, StageResultStore results, RunMemo memo) {
    this.findings = findings;
    this.results = results;
    this.memo = memo;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var execution = contribution.getStepExecution().getJobExecution();
    long instance = RunScope.of(execution).instanceId();
    Topology topology = CorrelateTasklet.topology(results, memo, execution);
    List<Finding> found = Checks.run(topology);
    findings.replace(instance, "check", found);
    log.info("checked {} VMs: {} findings", topology.vms().size(), found.size());
    return RepeatStatus.FINISHED;
  }
}
