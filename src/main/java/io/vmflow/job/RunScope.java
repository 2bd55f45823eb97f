package io.vmflow.job;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What every step needs to know about the run it belongs to, read from the job execution: the job
 * instance (which scopes every stored fact), the inputs, the output folder and whether the report
 * is one file.
 */
record RunScope(long instanceId, List<Path> inputs, Path output, boolean singleFile) {

  static final String INPUTS = "inputs";
  static final String OUTPUT = "output";
  static final String SINGLE_FILE = "report.single-file";

  static RunScope of(JobExecution execution) {
    JobParameters p = execution.getJobParameters();
    List<Path> inputs =
        Arrays.stream(p.getString(INPUTS, "").split("\n"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .toList();
    return new RunScope(
        execution.getJobInstance().getInstanceId(),
        inputs,
        Path.of(p.getString(OUTPUT, ".")),
        Boolean.parseBoolean(p.getString(SINGLE_FILE, "false")));
  }

  /** The work folder inside the output folder: the only place steps spool data. */
  Path workDir() {
    return output.resolve(".vmflow").resolve("work");
  }
}
