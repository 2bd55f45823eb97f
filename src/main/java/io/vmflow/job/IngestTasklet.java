package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ingest.ArtifactType;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.ingest.IngestLimits;
import io.vmflow.ingest.IngestSink;
import io.vmflow.ingest.Ingestor;
import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.PairingTap;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** A capture the pairing tap failed on while ingest read it. */
  static final String CAPTURE_NOT_PAIRED = "CAPTURE_NOT_PAIRED";

  private final CatalogStore catalog;
  private final FactStore facts;
  private final FindingStore findings;
  private final StageResultStore results;
  private final IngestLimits limits;
  private final ProgressHub progress;
  private final RunMemo memo;

  IngestTasklet(
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      StageResultStore results,
      IngestLimits limits,
      ProgressHub progress,
      RunMemo memo) {
    this.catalog = catalog;
    this.facts = facts;
    this.findings = findings;
    this.results = results;
    this.limits = limits;
    this.progress = progress;
    this.memo = memo;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    RunScope run = RunScope.of(contribution.getStepExecution().getJobExecution());
    long instance = run.instanceId();
    catalog.clear(instance);
    facts.clear(instance);
    memo.factsCleared(contribution.getStepExecution().getJobExecution());
    findings.clearAll(instance);
    results.deleteAll(instance, CaptureResults.KIND);
    List<Finding> found = new ArrayList<>();
    int[] seq = {0};
    try (PairingTap tap = new PairingTap()) {
      Ingestor ingestor = new Ingestor(limits, run.workDir(), tap);
      progress.measure("ingestStep", Ingestor.inputBytes(run.inputs()), ingestor::bytesRead);
      ingestor.ingest(
          run.inputs(),
          new IngestSink() {
            @Override
            public void entry(CatalogEntry entry) {
              int at = seq[0]++;
              catalog.insert(instance, at, entry);
              if (entry.type() == ArtifactType.CAPTURE) {
                paired(tap, instance, at, entry.origin(), found);
              }
            }

            @Override
            public void finding(Finding finding) {
              found.add(finding);
            }
          });
    }
    findings.replace(instance, "ingest", found);
    contribution.incrementWriteCount(seq[0]);
    log.info(
        "ingested {} inputs: {} entries, {} findings", run.inputs().size(), seq[0], found.size());
    return RepeatStatus.FINISHED;
  }

  // a capture paired as ingest read it is stored now; ingest kept no copy of it (the tap replaces
  // the spool), so one the tap could not pair is a finding, not a second read
  private void paired(PairingTap tap, long instance, int seq, String origin, List<Finding> found) {
    Optional<CapturePairing.Result> r = tap.take(origin);
    if (r.isPresent()) {
      CaptureResults.store(results, findings, instance, seq, r.get());
      log.info("paired capture {} as it was read: {}", origin, CaptureResults.describe(r.get()));
      return;
    }
    String why = tap.failure(origin).orElse("interrupted");
    found.add(
        Finding.input(
            Severity.WARNING,
            CAPTURE_NOT_PAIRED,
            "capture not paired as it was read (" + why + "): its echoes are not counted",
            origin,
            0));
  }
}
