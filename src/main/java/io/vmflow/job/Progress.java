package io.vmflow.job;

import java.util.function.LongSupplier;

/**
 * What a long run tells whoever watches it: when a step with a measurable amount of work starts
 * (its total bytes and how to read how many are done), and when each step ends, with its counts.
 * Called from the job's threads; implementations must be thread-safe. The default does nothing.
 */
public interface Progress {

  Progress NONE = new Progress() {};

  /**
   * A step that reads {@code totalBytes} (0 when unknown) starts; {@code done} reports the bytes
   * read so far and may be polled from any thread.
   */
  default void measured(String step, long totalBytes, LongSupplier done) {}

  /**
   * A step ended.
   *
   * @param items how many items it wrote (entries, artifacts, captures …)
   * @param bytes how many bytes it read, 0 when it does not measure them
   * @param millis how long it took
   */
  default void ended(String step, long items, long bytes, long millis) {}
}
