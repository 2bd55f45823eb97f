package io.vmflow.cli;

import io.vmflow.job.Progress;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress drawn on a terminal: the bar of the step that reads bytes is redrawn in place five times
 * a second ({@code \r}, erase to end of line), and each step that ends leaves one line. The drawing
 * thread is a daemon, stopped by {@link #close}.
 */
final class TerminalProgress implements Progress, AutoCloseable {

  private final PrintStream out;
  private final ScheduledExecutorService ticker;
  private final LongSupplier clock;
  private String step;
  private long total;
  private LongSupplier done;
  private long since;
  private boolean drawn;

  TerminalProgress(PrintStream out) {
    this(out, System::currentTimeMillis, true);
  }

  /** {@code ticking} false draws only when told (for tests). */
  TerminalProgress(PrintStream out, LongSupplier clock, boolean ticking) {
    this.out = out;
    this.clock = clock;
    this.ticker =
        ticking
            ? Executors.newSingleThreadScheduledExecutor(
                r -> {
                  Thread t = new Thread(r, "vmflow-progress");
                  t.setDaemon(true);
                  return t;
                })
            : null;
    if (ticker != null) {
      ticker.scheduleAtFixedRate(this::draw, 200, 200, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void measured(String step, long totalBytes, LongSupplier done) {
    this.step = step;
    this.total = totalBytes;
    this.done = done;
    this.since = clock.getAsLong();
    draw();
  }

  @Override
  public synchronized void ended(String step, long items, long bytes, long millis) {
    erase();
    if (step.equals(this.step)) {
      this.step = null;
    }
    out.println(ProgressLine.ended(step, items, bytes, millis));
    out.flush();
  }

  /** Redraws the bar of the step under way, if any. */
  synchronized void draw() {
    if (step == null) {
      return;
    }
    out.print("\r" + ProgressLine.bar(step, done.getAsLong(), total, clock.getAsLong() - since));
    out.print("\u001b[K");
    out.flush();
    drawn = true;
  }

  private void erase() {
    if (drawn) {
      out.print("\r\u001b[K");
      drawn = false;
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    erase();
    out.flush();
  }
}
