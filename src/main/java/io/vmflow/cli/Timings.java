package io.vmflow.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Start-up accounting for people tuning vmflow: with {@code -Dvmflow.timings=true} each mark prints
 * the wall time since the process started and the CPU time the process has used so far (the second
 * is the one to compare on a busy machine; both from {@code /proc}, in clock ticks of 10 ms).
 * Silent otherwise. A mark costs almost nothing: no management beans (loading and starting them
 * took about 60 ms, which the next mark then counted as the command's), no {@code printf} (whose
 * first use loads the locale data), no lambda (a class spun at run time: the launcher's class-data
 * archive is recorded without timings).
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
    ProcessHandle.Info info = ProcessHandle.current().info();
    java.util.Optional<Instant> start = info.startInstant();
    java.util.Optional<Duration> used = info.totalCpuDuration();
    long wall = start.isPresent() ? Duration.between(start.get(), Instant.now()).toMillis() : -1;
    long cpu = used.isPresent() ? used.get().toMillis() : -1;
    StringBuilder line = new StringBuilder("vmflow timings: ").append(what);
    pad(line, 16 + 28);
    line.append(" wall ");
    padNumber(line, wall);
    line.append(" ms  cpu ");
    padNumber(line, cpu);
    System.err.println(line.append(" ms"));
  }

  private static void pad(StringBuilder line, int width) {
    while (line.length() < width) {
      line.append(' ');
    }
  }

  private static void padNumber(StringBuilder line, long value) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < 6; i++) {
      line.append(' ');
    }
    line.append(digits);
  }

  /**
   * Prints the slowest Spring start-up steps when the process exits, after the last mark: printing
   * them (records, streams, {@code printf}) costs time the marks would otherwise count. The steps
   * include the beans the lazy context creates during the job.
   */
  static void stepsAtExit(
      org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup startup) {
    if (ON) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(() -> steps(startup.getBufferedTimeline()), "vmflow-timings"));
    }
  }

  /**
   * The slowest Spring start-up steps (own time: a step's duration less its children's); with
   * {@code -Dvmflow.timings.tree=true} also every step of 2 ms or more in the order it started,
   * indented under its parent, with its start in ms since the application started.
   */
  static void steps(org.springframework.boot.context.metrics.buffering.StartupTimeline timeline) {
    if (!ON) {
      return;
    }
    if (Boolean.getBoolean("vmflow.timings.tree")) {
      tree(timeline);
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

  private static void tree(
      org.springframework.boot.context.metrics.buffering.StartupTimeline timeline) {
    java.util.Map<Long, Integer> depth = new java.util.HashMap<>();
    for (var e : timeline.getEvents()) {
      var step = e.getStartupStep();
      Long parent = step.getParentId();
      int d = parent == null ? 0 : depth.getOrDefault(parent, 0) + 1;
      depth.put(step.getId(), d);
      long ms = e.getDuration().toMillis();
      if (ms < 2) {
        continue;
      }
      StringBuilder name = new StringBuilder(step.getName());
      for (var tag : step.getTags()) {
        if (tag.getKey().equals("beanName") || tag.getKey().equals("postProcessor")) {
          name.append(' ').append(tag.getValue());
        }
      }
      System.err.printf(
          "vmflow timings:   at %6d ms %6d ms %s%s%n",
          Duration.between(timeline.getStartTime(), e.getStartTime()).toMillis(),
          ms,
          "  ".repeat(d),
          name);
    }
  }
}
