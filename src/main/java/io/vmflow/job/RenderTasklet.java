package io.vmflow.job;

import io.vmflow.ingest.CatalogEntry;
import io.vmflow.ingest.TextEntries;
import io.vmflow.model.VmflowVersion;
import io.vmflow.report.EvidenceSource;
import io.vmflow.report.Report;
import io.vmflow.report.ReportBuilder;
import io.vmflow.report.ReportInput;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** renderStep: report.json and the HTML pages, from the stored stage results. */
class RenderTasklet implements Tasklet {

  static final String ERRORS = "summary.errors";
  static final String WARNINGS = "summary.warnings";
  static final String INFOS = "summary.infos";
  static final String HOSTS = "summary.hosts";
  static final String VMS = "summary.vms";
  static final String INDEX = "report.index";
  static final String READABLE = "input.readable";
  static final String SKIPPED = "input.skipped";

  private final CatalogStore catalog;
  private final FindingStore findings;
  private final StageResultStore results;
  private final RunMemo memo;

  RenderTasklet(
      CatalogStore catalog, FindingStore findings, StageResultStore results, RunMemo memo) {
    this.catalog = catalog;
    this.findings = findings;
    this.results = results;
    this.memo = memo;
  }

  // a whole file per origin: the transcript itself rather than its commands, a sos file as it is
  private static List<EvidenceSource> sources(List<CatalogStore.Row> rows) {
    Map<String, EvidenceSource> byOrigin = new java.util.LinkedHashMap<>();
    for (CatalogStore.Row r : rows) {
      CatalogEntry e = r.entry();
      boolean whole =
          e.command().equals(TextEntries.TRANSCRIPT) || e.command().isEmpty() && e.firstLine() == 1;
      // only what vmflow read gets a page; the rest is one coverage line from ingest
      boolean read =
          e.spec().isPresent()
              || e.command().equals(TextEntries.TRANSCRIPT)
              || io.vmflow.spec.BundleLayout.isContext(e.origin());
      if (whole && read && e.type() == io.vmflow.ingest.ArtifactType.TEXT) {
        byOrigin.putIfAbsent(e.origin(), new EvidenceSource(e.origin(), e.content()));
      }
    }
    return List.copyOf(byOrigin.values());
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws IOException {
    var execution = contribution.getStepExecution().getJobExecution();
    RunScope run = RunScope.of(execution);
    ReportInput input =
        new ReportInput(
            new ReportInput.RunInfo(
                VmflowVersion.get(), Instant.now().toString(), inputs(run.inputs())),
            CorrelateTasklet.topology(results, memo, execution),
            findings.list(run.instanceId()),
            PingStage.load(results, memo, execution),
            sources(catalog.list(run.instanceId())),
            CauseTasklet.links(results, memo, execution));
    Report report = ReportBuilder.build(input);
    RenderHeadStart.await(30);
    Path index = StagedReport.write(report, run.output(), run.singleFile());
    ExecutionContext ctx = execution.getExecutionContext();
    ctx.putInt(ERRORS, report.summary().errors());
    ctx.putInt(WARNINGS, report.summary().warnings());
    ctx.putInt(INFOS, report.summary().infos());
    ctx.putInt(HOSTS, report.summary().hosts());
    ctx.putInt(VMS, report.summary().vms());
    ctx.putString(INDEX, index.toString());
    Readability read =
        Readability.of(
            catalog.list(run.instanceId()).stream().map(CatalogStore.Row::entry).toList(),
            input.findings());
    ctx.putInt(READABLE, read.readable());
    ctx.putString(SKIPPED, String.join("\n", read.skipped()));
    return RepeatStatus.FINISHED;
  }

  private static List<ReportInput.InputFile> inputs(List<Path> paths) {
    return paths.stream()
        .map(
            p ->
                new ReportInput.InputFile(
                    p.toString(), sizeOf(p), InputFingerprint.sha256(List.of(p))))
        .toList();
  }

  private static long sizeOf(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
