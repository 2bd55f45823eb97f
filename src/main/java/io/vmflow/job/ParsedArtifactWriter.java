package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each parsed artifact's record and findings, overwriting what a failed attempt left. */
class ParsedArtifactWriter implements ItemWriter<ParsedArtifact>, StepExecutionListener {

  private final FactStore facts;
  private final FindingStore findings;
  private long instanceId;

  ParsedArtifactWriter(FactStore facts, FindingStore findings) {
    this.facts = facts;
    this.findings = findings;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
  }

  @Override
  public void write(Chunk<? extends ParsedArtifact> chunk) {
    for (ParsedArtifact a : chunk) {
      a.value().ifPresent(v -> facts.put(instanceId, a.entrySeq(), a.spec(), v));
      List<Finding> fs = a.findings().stream().toList();
      findings.replace(instanceId, "parse:" + a.entrySeq(), fs);
    }
  }
}
