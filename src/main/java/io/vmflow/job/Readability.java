package io.vmflow.job;

import io.vmflow.finding.Category;
import io.vmflow.finding.Finding;
import io.vmflow.ingest.ArtifactType;
import io.vmflow.ingest.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a run read anything: a dump vmflow can read is a command output it recognised or a
 * capture. When none was, the run says so (exit 2) with what it skipped and why, instead of a
 * report that looks like success.
 *
 * @param readable entries recognised as a command output or read as a capture
 * @param skipped what was skipped and why, one line each ({@code origin: reason})
 */
public record Readability(int readable, List<String> skipped) {

  public Readability {
    skipped = List.copyOf(skipped);
  }

  static final int MAX_LINES = 40;

  /** True when the run read no command output and no capture. */
  public boolean nothing() {
    return readable == 0;
  }

  static Readability of(List<CatalogEntry> entries, List<Finding> findings) {
    int readable =
        (int)
            entries.stream()
                .filter(e -> e.type() == ArtifactType.CAPTURE || e.spec().isPresent())
                .count();
    List<String> skipped = new ArrayList<>();
    for (Finding f : findings) {
      // input findings, and ingest's count of entries nothing reads (ENTRY_UNKNOWN and the like)
      if (f.category() == Category.INPUT || f.code().startsWith("ENTRY_")) {
        skipped.add((f.origin().isEmpty() ? "" : f.origin() + ": ") + f.message());
      }
    }
    // entries the catalog holds without a finding (a text it did not recognise, say)
    for (CatalogEntry e : entries) {
      if (e.type() != ArtifactType.CAPTURE
          && e.spec().isEmpty()
          && e.type() != ArtifactType.ARCHIVE
          && skipped.stream().noneMatch(s -> s.startsWith(e.origin() + ":"))) {
        skipped.add(e.origin() + ": not a command output or capture vmflow knows");
      }
    }
    if (skipped.size() > MAX_LINES) {
      int more = skipped.size() - MAX_LINES;
      skipped = new ArrayList<>(skipped.subList(0, MAX_LINES));
      skipped.add("... and " + more + " more");
    }
    return new Readability(readable, skipped);
  }
}
