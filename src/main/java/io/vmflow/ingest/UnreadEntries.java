package io.vmflow.ingest;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries no parser or capture reader wants (empty, unrecognised text, binary): counted, never
 * spooled, and reported as one coverage line per reason that names the first few, so 200 000 tiny
 * files cost 200 000 counter increments instead of 200 000 files, pages and findings.
 */
final class UnreadEntries {

  private static final int NAMED = 10;

  private record Tally(String why, List<String> first, long[] count) {}

  private final Map<String, Tally> byCode = new LinkedHashMap<>();

  void add(String code, String why, String origin) {
    Tally t = byCode.computeIfAbsent(code, c -> new Tally(why, new ArrayList<>(), new long[1]));
    if (t.first().size() < NAMED) {
      t.first().add(origin);
    }
    t.count()[0]++;
  }

  /** One finding per reason; the first entry named is the finding's origin. */
  List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    byCode.forEach(
        (code, t) -> {
          long n = t.count()[0];
          String more = n > t.first().size() ? " and " + (n - t.first().size()) + " more" : "";
          out.add(
              Finding.coverage(
                  Severity.INFO,
                  code,
                  n
                      + (n == 1 ? " file" : " files")
                      + " not read ("
                      + t.why()
                      + "): "
                      + String.join(", ", t.first())
                      + more,
                  t.first().get(0)));
        });
    return out;
  }
}
