package io.vmflow.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of every thread of this process, JVM threads included (compiler, collector), summed per
 * thread name, from {@code /proc/self/task} (Linux; nothing elsewhere), in milliseconds. For {@link
 * JobTimings}: the job's thread is not the only one a short run keeps busy, and on two cores the
 * others take time from it.
 */
final class ThreadCpu {

  // clock ticks per second of /proc's utime and stime: 100 on every Linux vmflow runs on
  private static final long TICK_MS = 10;

  private ThreadCpu() {}

  /** Milliseconds of CPU per thread name (digits dropped: "C1 CompilerThre0" and "...1" sum). */
  static Map<String, Long> byName() {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        addTask(task, out);
      }
    } catch (IOException | RuntimeException e) {
      return out;
    }
    return out;
  }

  // /proc/self/task/<tid>/stat: "<tid> (<comm>) S ... utime stime ..." (fields 14 and 15)
  private static void addTask(Path task, Map<String, Long> out) {
    try {
      String stat = Files.readString(task.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String name = stat.substring(open + 1, close).replaceAll("[0-9]+$", "#").trim();
      String[] f = stat.substring(close + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      out.merge(name, ticks * TICK_MS, Long::sum);
    } catch (IOException | RuntimeException e) {
      // a thread that ended while listed
    }
  }

  /** What each thread name used since {@code before}, busiest first, those over 0 ms. */
  static String since(Map<String, Long> before) {
    Map<String, Long> now = byName();
    return now.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .map(e -> e.getKey() + " " + e.getValue() + " ms")
        .collect(Collectors.joining(", "));
  }
}
