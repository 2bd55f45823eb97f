package io.vmflow.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Readies the render step's first render on the machine's second core while the job's earlier steps
 * run on the first: the template engine, every page's parsed templates and expressions, the HTML
 * escaper's tables and the report's JSON mapping ({@link StagedReport#prepare}). On a small input
 * that first render is a third of the job's time and needs nothing from the input, so it goes on
 * beside ingest, parse and correlate instead of after them. Once per process; the render step waits
 * for it rather than doing the same work a second time. A failure is logged at DEBUG and the render
 * step builds what is missing itself. {@code -Dvmflow.render-head-start=false} turns it off.
 */
final class RenderHeadStart implements JobExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(RenderHeadStart.class);

  private static final AtomicBoolean STARTED = new AtomicBoolean();
  private static final CountDownLatch DONE = new CountDownLatch(1);
  private static volatile long cpuNanos;

  @Override
  public void beforeJob(JobExecution jobExecution) {
    start();
  }

  /** Starts the preparation on a daemon thread, unless it was started before or is off. */
  static void start() {
    if (!enabled() || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(RenderHeadStart::prepare, "vmflow-render-prep");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Waits (at most {@code seconds}) for a preparation under way to end; returns at once when none
   * was started.
   */
  static void await(long seconds) {
    if (!STARTED.get()) {
      return;
    }
    try {
      if (!DONE.await(seconds, TimeUnit.SECONDS)) {
        log.debug("render preparation still running after {} s; rendering anyway", seconds);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** CPU time the preparation's thread used, when it has ended. */
  static long cpuMillis() {
    return cpuNanos / 1_000_000;
  }

  private static boolean enabled() {
    return !"false".equals(System.getProperty("vmflow.render-head-start"));
  }

  private static void prepare() {
    long start = System.nanoTime();
    try {
      StagedReport.prepare();
      log.debug("render prepared in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException | LinkageError e) {
      log.debug("render preparation failed; the render step does it itself", e);
    } finally {
      cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      DONE.countDown();
    }
  }
}
