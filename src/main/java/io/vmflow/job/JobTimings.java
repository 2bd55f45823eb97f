package io.vmflow.job;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where the job's time goes, for people tuning vmflow: with {@code -Dvmflow.timings=true} (as the
 * command's start-up marks) each step prints its wall time and the CPU time of the thread that ran
 * it, and the job the CPU time of its thread in total (the rest is the job repository's bookkeeping
 * between steps) and of its helper threads. Thread CPU, unlike process CPU, leaves out the
 * compiler's and collector's threads, so it can be compared on a busy machine. Silent otherwise.
 */
final class JobTimings implements JobExecutionListener, StepExecutionListener {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<Long, long[]> started = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, Long>> threadsAtStart = new ConcurrentHashMap<>();

  static boolean enabled() {
    return Boolean.getBoolean("vmflow.timings");
  }

  @Override
  public void beforeJob(JobExecution job) {
    if (enabled()) {
      started.put(-job.getId(), new long[] {System.nanoTime(), cpu()});
      threadsAtStart.put(job.getId(), ThreadCpu.byName());
    }
  }

  @Override
  public void afterJob(JobExecution job) {
    long[] at = started.remove(-job.getId());
    if (at != null) {
      print(
          "job thread",
          (System.nanoTime() - at[0]) / 1_000_000,
          (cpu() - at[1]) / 1_000_000,
          "render head start thread cpu " + RenderHeadStart.cpuMillis() + " ms");
      Map<String, Long> before = threadsAtStart.remove(job.getId());
      if (before != null) {
        System.err.println(
            "vmflow timings:   cpu of every thread during the job: " + ThreadCpu.since(before));
      }
    }
  }

  @Override
  public void beforeStep(StepExecution step) {
    if (enabled()) {
      started.put(step.getId(), new long[] {System.nanoTime(), cpu()});
    }
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    long[] at = started.remove(step.getId());
    if (at != null) {
      print(
          step.getStepName(),
          (System.nanoTime() - at[0]) / 1_000_000,
          (cpu() - at[1]) / 1_000_000,
          "");
    }
    return null;
  }

  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  private static void print(String what, long wall, long cpu, String more) {
    System.err.printf(
        "vmflow timings:   %-16s wall %5d ms  thread cpu %5d ms  %s%n", what, wall, cpu, more);
  }
}
