package io.vmflow.job;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Forwards the job's progress to the {@link Progress} the command attached ({@link Progress#NONE}
 * until then): a listener on every top-level step (its end, with its write count and the bytes it
 * measured), and the measuring steps' byte counters.
 */
public class ProgressHub implements StepExecutionListener {

  private volatile Progress target = Progress.NONE;
  private volatile LongSupplier measuring = () -> 0;
  private final AtomicLong counted = new AtomicLong();

  /** Sends the progress of the following runs to {@code progress}. */
  public void attach(Progress progress) {
    target = progress == null ? Progress.NONE : progress;
  }

  /** A step starts reading {@code totalBytes}; {@code done} tells how many it has read. */
  void measure(String step, long totalBytes, LongSupplier done) {
    measuring = done;
    target.measured(step, totalBytes, done);
  }

  /** A step that counts by adding: starts its counter at 0 and measures it. */
  void count(String step, long totalBytes) {
    counted.set(0);
    measure(step, totalBytes, counted::get);
  }

  /** Adds {@code bytes} to the counter of {@link #count}. */
  void add(long bytes) {
    counted.addAndGet(bytes);
  }

  @Override
  public void beforeStep(StepExecution step) {
    measuring = () -> 0;
  }

  @Override
  public ExitStatus afterStep(StepExecution step) {
    long millis =
        step.getStartTime() == null
            ? 0
            : java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now())
                .toMillis();
    target.ended(step.getStepName(), step.getWriteCount(), measuring.getAsLong(), millis);
    measuring = () -> 0;
    return null;
  }
}
