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

  /** The slowest Spring start-up steps (own time: a step's duration less its children's). */
  static void steps(org.springframework.boot.context.metrics.buffering.StartupTimeline timeline) {
    if (!ON) {
      return;
    }
    java.util.Map<Long, Long> childTime = new java.util.HashMap<>();
    for (var e : timeline.getEvents()) {
      Long parent = e.getStartupStep().getParentId();
      if (parent != null) {
        childTime.merge(parent, e.getDuration().toNanos(), Long::sum);
      }
    }
    record Step(String name, long total, long own) {}
    java.util.Map<String, long[]> byName = new java.util.TreeMap<>();
    for (var e : timeline.getEvents()) {
      var step = e.getStartupStep();
      String name = step.getName();
      for (var tag : step.getTags()) {
        if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
          name += " " + tag.getValue();
        }
      }
      long total = e.getDuration().toNanos();
      long own = total - childTime.getOrDefault(step.getId(), 0L);
      long[] sums = byName.computeIfAbsent(name, k -> new long[2]);
      sums[0] += total;
      sums[1] += own;
    }
    byName.entrySet().stream()
        .map(en -> new Step(en.getKey(), en.getValue()[0], en.getValue()[1]))
        .sorted(java.util.Comparator.comparingLong(Step::own).reversed())
        .limit(25)
        .forEach(
            st ->
                System.err.printf(
                    "vmflow timings:   spring %6d ms own %6d ms total  %s%n",
                    st.own() / 1_000_000, st.total() / 1_000_000, st.name()));
  }
}
