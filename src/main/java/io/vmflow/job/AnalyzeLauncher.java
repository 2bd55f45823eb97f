package io.vmflow.job;

import io.vmflow.model.VmflowVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/**
 * Starts the analysis job for a set of inputs. The identifying parameters are the inputs' content
 * hash and the vmflow version: a failed or killed run of the same bundle is restarted where it
 * stopped; a completed one is analysed again as a new instance (a new {@code run.id}).
 */
@Component
public class AnalyzeLauncher {

  private static final Logger log = LoggerFactory.getLogger(AnalyzeLauncher.class);

  private final JobOperator operator;
  private final JobRepository repository;
  private final Job job;

  public AnalyzeLauncher(JobOperator operator, JobRepository repository, Job analyzeBundleJob) {
    this.operator = operator;
    this.repository = repository;
    this.job = analyzeBundleJob;
  }

  public AnalyzeOutcome run(List<Path> inputs, Path output) throws Exception {
    return run(inputs, output, false);
  }

  /**
   * @param singleFile write the HTML report as one {@code report.html} instead of a folder of pages
   */
  public AnalyzeOutcome run(List<Path> inputs, Path output, boolean singleFile) throws Exception {
    JobParameters params =
        parameters(inputs, output, singleFile, InputFingerprint.sha256(inputs), null);
    JobInstance instance = repository.getJobInstance(job.getName(), params);
    if (instance != null) {
      JobExecution last = repository.getLastJobExecution(instance);
      if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
        params =
            parameters(
                inputs,
                output,
                singleFile,
                params.getString("bundle.sha256"),
                System.currentTimeMillis());
      } else if (last == null) {
        // a process killed between creating the instance and its first execution: start afresh
        log.info("removing job instance {} left without an execution", instance.getInstanceId());
        repository.deleteJobInstance(instance);
      } else if (last.isRunning()) {
        // only one vmflow process uses this database: a "running" execution is a killed one
        log.info("recovering interrupted execution {}", last.getId());
        operator.recover(last);
      }
    }
    JobExecution execution = operator.start(job, params);
    return outcome(execution, output);
  }

  private static JobParameters parameters(
      List<Path> inputs, Path output, boolean singleFile, String sha, Long runId) {
    JobParametersBuilder b =
        new JobParametersBuilder()
            .addString("bundle.sha256", sha, true)
            .addString("vmflow.version", VmflowVersion.get(), true)
            .addString(
                RunScope.INPUTS,
                inputs.stream()
                    .map(p -> p.toAbsolutePath().normalize().toString())
                    .collect(Collectors.joining("\n")),
                false)
            .addString(RunScope.OUTPUT, output.toAbsolutePath().normalize().toString(), false)
            .addString(RunScope.SINGLE_FILE, String.valueOf(singleFile), false);
    if (runId != null) {
      b.addLong("run.id", runId, true);
    }
    return b.toJobParameters();
  }

  private static AnalyzeOutcome outcome(JobExecution execution, Path output) {
    ExecutionContext ctx = execution.getExecutionContext();
    boolean ok = execution.getStatus() == BatchStatus.COMPLETED;
    Path index =
        ctx.containsKey(RenderTasklet.INDEX) ? Path.of(ctx.getString(RenderTasklet.INDEX)) : null;
    if (!ok) {
      for (Throwable t : execution.getAllFailureExceptions()) {
        java.util.Optional<io.vmflow.ingest.OutputFailure> out =
            io.vmflow.ingest.OutputFailure.in(t, output);
        if (out.isPresent()) {
          // the output folder's fault, not the input's: the command says so in one line
          throw out.get();
        }
        log.error("job failed", t);
      }
    }
    return new AnalyzeOutcome(
        ok,
        execution.getStatus().name(),
        index,
        ctx.getInt(RenderTasklet.HOSTS, 0),
        ctx.getInt(RenderTasklet.VMS, 0),
        ctx.getInt(RenderTasklet.ERRORS, 0),
        ctx.getInt(RenderTasklet.WARNINGS, 0),
        ctx.getInt(RenderTasklet.INFOS, 0),
        execution.getJobInstance().getInstanceId(),
        new Readability(
            ctx.getInt(RenderTasklet.READABLE, 1),
            ctx.getString(RenderTasklet.SKIPPED, "").isEmpty()
                ? List.of()
                : List.of(ctx.getString(RenderTasklet.SKIPPED).split("\n"))));
  }
}
