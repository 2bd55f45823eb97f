package io.vmflow.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The text of progress on a terminal, pure: a live bar for a step that reads bytes ({@code ingest
 * [#######-------------] 35% 12.0 MiB / 34.3 MiB 4.0 MiB/s ETA 0:06}) and a line per ended step
 * ({@code ingest done in 3.1 s: 312 entries, 34.3 MiB}).
 */
final class ProgressLine {

  private static final int BAR = 24;
  private static final Map<String, String> NAMES =
      Map.of(
          "ingestStep", "ingest",
          "parseStep", "parse",
          "capturesStep", "captures",
          "correlateStep", "correlate",
          "checkStep", "check",
          "pingStep", "pings",
          "causeStep", "causes",
          "renderStep", "report");
  private static final Map<String, String> ITEMS =
      Map.of(
          "ingestStep", "entries",
          "parseStep", "artifacts",
          "capturesStep", "captures");

  private ProgressLine() {}

  /** The bar of a step that has read {@code done} of {@code total} bytes in {@code millis}. */
  static String bar(String step, long done, long total, long millis) {
    double rate = millis <= 0 ? 0 : done * 1000.0 / millis;
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s ", name(step)));
    if (total > 0) {
      long d = Math.min(done, total);
      int filled = (int) (BAR * d / total);
      b.append('[')
          .append("#".repeat(filled))
          .append("-".repeat(BAR - filled))
          .append(String.format(Locale.ROOT, "] %3d%%  ", 100 * d / total))
          .append(bytes(d))
          .append(" / ")
          .append(bytes(total));
    } else {
      b.append(bytes(done));
    }
    b.append("  ").append(bytes((long) rate)).append("/s");
    if (total > 0 && rate > 0 && done < total) {
      b.append("  ETA ").append(duration((long) ((total - done) * 1000 / rate)));
    }
    return b.toString();
  }

  /** The line of an ended step. */
  static String ended(String step, long items, long bytes, long millis) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%-10s done in %.1f s", name(step), Math.max(0, millis) / 1000.0));
    String what = ITEMS.get(step);
    if (items > 0 || bytes > 0) {
      b.append(':');
      if (items > 0) {
        b.append(' ').append(items).append(' ').append(what == null ? "items" : what);
      }
      if (bytes > 0) {
        b.append(items > 0 ? ", " : " ").append(bytes(bytes));
      }
    }
    return b.toString();
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }

  static String duration(long millis) {
    long s = (millis + 999) / 1000;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String name(String step) {
    return NAMES.getOrDefault(step, step);
  }
}
