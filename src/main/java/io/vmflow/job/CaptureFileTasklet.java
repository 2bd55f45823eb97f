package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.CapturePairing;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** captureFileStep (one partition): reads one capture and stores its pairing per point and flow. */
class CaptureFileTasklet implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(CaptureFileTasklet.class);

  private final StageResultStore results;
  private final FindingStore findings;
  private final ProgressHub progress;

  CaptureFileTasklet(StageResultStore results, FindingStore findings, ProgressHub progress) {
    this.results = results;
    this.findings = findings;
    this.progress = progress;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var step = contribution.getStepExecution();
    long instance = step.getJobExecution().getJobInstance().getInstanceId();
    ExecutionContext ctx = step.getExecutionContext();
    int seq = ctx.getInt(CapturePartitioner.SEQ);
    String origin = ctx.getString(CapturePartitioner.ORIGIN);
    Path file = Path.of(ctx.getString(CapturePartitioner.PATH));
    contribution.incrementWriteCount(1);
    try {
      CapturePairing.Result r = CapturePairing.pair(file, origin);
      CaptureResults.store(results, findings, instance, seq, r);
      log.info("read capture {}: {}", origin, CaptureResults.describe(r));
    } catch (IOException e) {
      findings.replace(
          instance,
          "capture:" + seq,
          List.of(
              Finding.input(
                  Severity.ERROR,
                  "CAPTURE_UNREADABLE",
                  "cannot read capture: " + e.getMessage(),
                  origin,
                  0)));
    }
    progress.add(file.toFile().length());
    return RepeatStatus.FINISHED;
  }
}
