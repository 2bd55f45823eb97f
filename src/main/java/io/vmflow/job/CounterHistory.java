package io.vmflow.job;

import io.vmflow.store.HistoryStore.VmFindingRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A counter read once per collection, across nights. One reading alone is a total since boot
 * ({@code INFO}: when it grew is unknown); with the previous observation's reading of the same
 * device and counter, what it grew by over the interval between the two collections is known. A
 * reading that grew since the previous one becomes a {@code WARNING} keyed as a counter seen
 * growing ("tap1 on c1: tx_dropped rose by"), so the night it first grows it is new; one that did
 * not grow says nothing, so the night it stops growing its growth is resolved. A counter that went
 * down (a reboot, a recreated device) stays a total since boot. Plain Java, no store access.
 */
final class CounterHistory {

  private static final Set<String> CODES = Set.of("INTERFACE_DROPS", "INTERFACE_ERRORS");
  // tap9e8d7c6b-5a on compute-a: tx_dropped 40 since boot (ip -s link, one reading: ...)
  private static final Pattern SINCE_BOOT =
      Pattern.compile(
          "^(?<what>\\S+ on \\S+: \\w+) (?<value>\\d{1,19}) since boot \\((?<source>[^,]*),.*$");

  private CounterHistory() {}

  /**
   * The findings of an observation by key, its single counter readings judged against the previous
   * observation's.
   *
   * @param before the previous observation's findings by key, as recorded
   * @param now this observation's findings by key, as recorded
   */
  static Map<String, VmFindingRow> across(
      Map<String, VmFindingRow> before,
      Optional<Instant> beforeAt,
      Map<String, VmFindingRow> now,
      Optional<Instant> nowAt) {
    Map<String, VmFindingRow> out = new TreeMap<>();
    for (Map.Entry<String, VmFindingRow> e : now.entrySet()) {
      VmFindingRow row = e.getValue();
      Matcher n = sinceBoot(row);
      VmFindingRow prior = before.get(e.getKey());
      Matcher b = prior == null ? null : sinceBoot(prior);
      if (n == null || b == null) {
        out.put(e.getKey(), row);
        continue;
      }
      long from = Long.parseLong(b.group("value"));
      long to = Long.parseLong(n.group("value"));
      if (to < from) {
        out.put(e.getKey(), row);
      } else if (to > from) {
        VmFindingRow grew = grew(row, n, from, to, interval(beforeAt, nowAt));
        out.put(grew.key(), grew);
      }
    }
    return out;
  }

  // the reading of a single-reading counter finding, null for any other finding
  private static Matcher sinceBoot(VmFindingRow row) {
    if (!CODES.contains(row.code())) {
      return null;
    }
    Matcher m = SINCE_BOOT.matcher(row.message());
    return m.matches() ? m : null;
  }

  private static VmFindingRow grew(VmFindingRow row, Matcher n, long from, long to, String over) {
    String what = n.group("what");
    return new VmFindingRow(
        row.vmId(),
        row.code() + "|" + what + " rose by",
        row.code(),
        "WARNING",
        what
            + " rose by "
            + (to - from)
            + " since the previous reading"
            + over
            + " ("
            + from
            + " → "
            + to
            + "; "
            + n.group("source")
            + ", one reading per collection)");
  }

  // " over 23.9 h" between the two collections; "" when either time is unknown
  private static String interval(Optional<Instant> from, Optional<Instant> to) {
    if (from.isEmpty() || to.isEmpty() || !to.get().isAfter(from.get())) {
      return "";
    }
    Duration d = Duration.between(from.get(), to.get());
    return d.toSeconds() < 3600
        ? " over " + d.toSeconds() + " s"
        : String.format(Locale.ROOT, " over %.1f h", d.toSeconds() / 3600.0);
  }
}
