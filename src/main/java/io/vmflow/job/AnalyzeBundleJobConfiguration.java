package io.vmflow.job;

import io.vmflow.ingest.IngestLimits;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The analysis job: one step per stage of the pipeline, in order. Step bean names are the step
 * names; each step overwrites its own outputs, so a failed run restarts at the failed step.
 */
@Configuration
class AnalyzeBundleJobConfiguration {

  static final String JOB = "analyzeBundleJob";

  @Bean
  Job analyzeBundleJob(
      JobRepository jobRepository,
      Step ingestStep,
      Step parseStep,
      Step capturesStep,
      Step correlateStep,
      Step checkStep,
      Step pingStep,
      Step causeStep,
      Step renderStep,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new JobBuilder(JOB, jobRepository)
        .listener(new RenderHeadStart())
        .listener(runMemo)
        .listener((JobExecutionListener) jobTimings)
        .start(ingestStep)
        .next(parseStep)
        .next(capturesStep)
        .next(correlateStep)
        .next(checkStep)
        .next(pingStep)
        .next(causeStep)
        .next(renderStep)
        .build();
  }

  /** What this process's executions stored, for their later steps (see {@link RunMemo}). */
  @Bean
  RunMemo runMemo() {
    return new RunMemo();
  }

  /** Per-step wall and thread CPU times with {@code -Dvmflow.timings=true}. */
  @Bean
  JobTimings jobTimings() {
    return new JobTimings();
  }

  /** Where the steps report their progress; the command attaches a terminal to it. */
  @Bean
  ProgressHub progressHub() {
    return new ProgressHub();
  }

  // ingest step

  @Bean
  IngestLimits ingestLimits(
      @Value("${vmflow.ingest.max-total-bytes:68719476736}") long maxTotalBytes,
      @Value("${vmflow.ingest.max-entry-bytes:17179869184}") long maxEntryBytes,
      @Value("${vmflow.ingest.max-ratio:200}") double maxRatio,
      @Value("${vmflow.ingest.max-entries:1000000}") int maxEntries,
      @Value("${vmflow.ingest.max-depth:8}") int maxDepth,
      @Value("${vmflow.ingest.max-line-bytes:1048576}") long maxLineBytes) {
    return new IngestLimits(
        maxTotalBytes, maxEntryBytes, maxRatio, maxEntries, maxDepth, maxLineBytes);
  }

  @Bean
  Step ingestStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      StageResultStore results,
      IngestLimits ingestLimits,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new StepBuilder("ingestStep", jobRepository)
        .tasklet(
            new IngestTasklet(
                catalog, facts, findings, results, ingestLimits, progressHub, runMemo),
            tx)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  // parse step

  @Bean
  Step parseStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    CatalogRowReader reader = new CatalogRowReader(catalog);
    ParsedArtifactWriter writer = new ParsedArtifactWriter(facts, findings, runMemo);
    return new StepBuilder("parseStep", jobRepository)
        .<CatalogStore.Row, ParsedArtifact>chunk(50)
        .transactionManager(tx)
        .reader(reader)
        .processor(new ParseProcessor())
        .writer(writer)
        .listener(reader)
        .listener(writer)
        .listener((StepExecutionListener) progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  // captures step: one partition per capture file, two at a time (the machines have two cores)

  @Bean
  Step capturesStep(
      JobRepository jobRepository,
      CatalogStore catalog,
      StageResultStore results,
      Step captureFileStep,
      ProgressHub progressHub,
      JobTimings jobTimings) {
    CapturePartitioner partitioner = new CapturePartitioner(catalog, results, progressHub);
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("capture-");
    executor.setConcurrencyLimit(2);
    return new StepBuilder("capturesStep", jobRepository)
        .partitioner("captureFileStep", partitioner)
        .step(captureFileStep)
        .gridSize(2)
        .taskExecutor(executor)
        .listener(partitioner)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  @Bean
  Step captureFileStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      StageResultStore results,
      FindingStore findings,
      ProgressHub progressHub) {
    return new StepBuilder("captureFileStep", jobRepository)
        .tasklet(new CaptureFileTasklet(results, findings, progressHub), tx)
        .build();
  }

  // correlate step

  @Bean
  Step correlateStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      StageResultStore results,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new StepBuilder("correlateStep", jobRepository)
        .tasklet(new CorrelateTasklet(catalog, facts, findings, results, runMemo), tx)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  // check step

  @Bean
  Step checkStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      FindingStore findings,
      StageResultStore results,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new StepBuilder("checkStep", jobRepository)
        .tasklet(new CheckTasklet(findings, results, runMemo), tx)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  // ping step: pair echoes per capture point, localise loss along each VM's path

  @Bean
  Step pingStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      StageResultStore results,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new StepBuilder("pingStep", jobRepository)
        .tasklet(new PingTasklet(facts, findings, results, runMemo), tx)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  // cause step: flows, firewall rules and MTUs on each loss segment, linked to the loss

  @Bean
  Step causeStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      StageResultStore results,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new StepBuilder("causeStep", jobRepository)
        .tasklet(new CauseTasklet(catalog, facts, findings, results, runMemo), tx)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }

  // render step

  @Bean
  Step renderStep(
      JobRepository jobRepository,
      PlatformTransactionManager tx,
      CatalogStore catalog,
      FindingStore findings,
      StageResultStore results,
      ProgressHub progressHub,
      RunMemo runMemo,
      JobTimings jobTimings) {
    return new StepBuilder("renderStep", jobRepository)
        .tasklet(new RenderTasklet(catalog, findings, results, runMemo), tx)
        .listener(progressHub)
        .listener((StepExecutionListener) jobTimings)
        .build();
  }
}
