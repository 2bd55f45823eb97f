package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.ingest.IngestLimits;
import io.vmflow.ingest.IngestSink;
import io.vmflow.ingest.Ingestor;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * ingestStep: walks the inputs into the catalog. Re-running it starts the instance's facts afresh.
 */
class IngestTasklet implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(IngestTasklet.class);

  private final CatalogStore catalog;
  private final FactStore facts;
  private final FindingStore findings;
  private final IngestLimits limits;
  private final ProgressHub progress;

  IngestTasklet(
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      IngestLimits limits,
      ProgressHub progress) {
    this.catalog = catalog;
    this.facts = facts;
    this.findings = findings;
    this.limits = limits;
    this.progress = progress;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    RunScope run = RunScope.of(contribution.getStepExecution().getJobExecution());
    catalog.clear(run.instanceId());
    facts.clear(run.instanceId());
    findings.clearAll(run.instanceId());
    List<Finding> found = new ArrayList<>();
    int[] seq = {0};
    Ingestor ingestor = new Ingestor(limits, run.workDir());
    progress.measure("ingestStep", Ingestor.inputBytes(run.inputs()), ingestor::bytesRead);
    ingestor.ingest(
        run.inputs(),
        new IngestSink() {
          @Override
          public void entry(CatalogEntry entry) {
            catalog.insert(run.instanceId(), seq[0]++, entry);
          }

          @Override
          public void finding(Finding finding) {
            found.add(finding);
          }
        });
    findings.replace(run.instanceId(), "ingest", found);
    contribution.incrementWriteCount(seq[0]);
    log.info(
        "ingested {} inputs: {} entries, {} findings", run.inputs().size(), seq[0], found.size());
    return RepeatStatus.FINISHED;
  }
}
