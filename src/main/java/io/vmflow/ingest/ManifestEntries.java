package io.vmflow.ingest;

import io.vmflow.finding.Category;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a vmflow-collect manifest into the walk: the host it names owns its bundle, the collection
 * is stated once, and every command that failed, timed out or could not run becomes a coverage
 * finding pointing at its manifest line, so a missing output is explained rather than a silent gap.
 */
final class ManifestEntries {

  /** The command of the manifest's own catalog entry. */
  static final String MANIFEST = "(vmflow-collect manifest)";

  private ManifestEntries() {}

  static void handle(Spool.Spooled s, String origin, List<String> lines, InputWalk walk)
      throws IOException {
    CollectManifest m = CollectManifest.parse(lines);
    if (!m.host().isEmpty()) {
      walk.hostname(origin, m.host());
    }
    walk.add(walk.entry(origin, s, ArtifactType.TEXT, Optional.empty(), m.host(), "", MANIFEST, 1));
    long failed = m.failed().stream().filter(r -> !r.retried()).count();
    walk.finding(
        new Finding(
            Severity.INFO,
            Category.COVERAGE,
            IngestCodes.COLLECT_MANIFEST,
            "collected by "
                + (m.collector().isEmpty() ? "vmflow-collect" : m.collector())
                + " on "
                + (m.host().isEmpty() ? "an unnamed host" : m.host())
                + " at "
                + m.collectedUtc().map(Object::toString).orElse("an unknown time")
                + (m.collectedLocal().isEmpty() ? "" : " (local " + m.collectedLocal() + ")")
                + ", mode "
                + (m.mode().isEmpty() ? "?" : m.mode())
                + ": "
                + m.runs().size()
                + " commands, "
                + failed
                + " failed or not run",
            origin,
            1));
    for (CollectManifest.Run r : m.failed()) {
      walk.finding(
          new Finding(severity(r), Category.COVERAGE, code(r), message(r), origin, r.line()));
    }
    for (int line : m.badLines()) {
      walk.finding(
          new Finding(
              Severity.WARNING,
              Category.INPUT,
              IngestCodes.COLLECT_MANIFEST_BAD_ROW,
              "manifest row is not 'command, output, exit, duration_ms, note': line " + line,
              origin,
              line));
    }
  }

  private static Severity severity(CollectManifest.Run r) {
    return r.retried() || !r.ran() ? Severity.INFO : Severity.WARNING;
  }

  private static String code(CollectManifest.Run r) {
    if (!r.ran()) {
      return r.absent() ? IngestCodes.COLLECT_COMMAND_ABSENT : IngestCodes.COLLECT_COMMAND_SKIPPED;
    }
    if (r.retried()) {
      return IngestCodes.COLLECT_COMMAND_RETRIED;
    }
    return r.timedOut() ? IngestCodes.COLLECT_COMMAND_TIMEOUT : IngestCodes.COLLECT_COMMAND_FAILED;
  }

  private static String message(CollectManifest.Run r) {
    if (!r.ran()) {
      return "`" + r.command() + "` not run (" + r.note() + "): its output is missing, not empty";
    }
    String what = r.timedOut() ? "timed out" : "failed with exit " + r.exit();
    return "`" + r.command() + "` " + what + (r.note().isEmpty() ? "" : ": " + r.note());
  }
}
