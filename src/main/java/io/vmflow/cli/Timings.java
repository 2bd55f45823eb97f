package io.vmflow.cli;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;

/**
 * Start-up accounting for people tuning vmflow: with {@code -Dvmflow.timings=true} each mark prints
 * the wall time since the process started and the CPU time the process has used so far (the second
 * is the one to compare on a busy machine). Silent otherwise.
 */
final class Timings {

  private static final boolean ON = Boolean.getBoolean("vmflow.timings");

  private Timings() {}

  static boolean enabled() {
    return ON;
  }

  static void mark(String what) {
    if (!ON) {
      return;
    }
    long wall =
        ProcessHandle.current()
            .info()
            .startInstant()
            .map(s -> Duration.between(s, Instant.now()).toMillis())
            .orElse(-1L);
    long cpu =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime()
            / 1_000_000;
    System.err.printf("vmflow timings: %-28s wall %6d ms  cpu %6d ms%n", what, wall, cpu);
  }
}
