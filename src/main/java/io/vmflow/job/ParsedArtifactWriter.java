package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each parsed artifact's record and findings, overwriting what a failed attempt left. */
class ParsedArtifactWriter implements ItemWriter<ParsedArtifact>, StepExecutionListener {

  private final FactStore facts;
  private final FindingStore findings;
  private final RunMemo memo;
  private JobExecution execution;
  private long instanceId;

  ParsedArtifactWriter(FactStore facts, FindingStore findings, RunMemo memo) {
    this.facts = facts;
    this.findings = findings;
    this.memo = memo;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    execution = stepExecution.getJobExecution();
    instanceId = execution.getJobInstance().getInstanceId();
  }

  @Override
  public void write(Chunk<? extends ParsedArtifact> chunk) {
    for (ParsedArtifact a : chunk) {
      if (a.value().isPresent()) {
        ParsedRecord v = a.value().get();
        int chars = facts.put(instanceId, a.entrySeq(), a.spec(), v);
        memo.factStored(execution, new FactStore.StoredFact(a.entrySeq(), a.spec(), v), chars);
      }
      List<Finding> fs = a.findings().stream().toList();
      findings.replace(instanceId, "parse:" + a.entrySeq(), fs);
    }
  }
}
