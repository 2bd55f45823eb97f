package io.vmflow.cli;

import io.vmflow.redact.RedactOptions;
import io.vmflow.redact.RedactResult;
import io.vmflow.redact.ReportRedactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The redaction options {@code analyze --redact} and {@code redact} share. */
final class RedactOptionsMixin {

  @Option(
      names = "--redact-keyword",
      paramLabel = "WORD",
      description = "A word to mask everywhere (as sos clean --keywords); repeatable.")
  List<String> keywords = new ArrayList<>();

  @Option(
      names = "--redact-keywords-file",
      paramLabel = "FILE",
      description = "A file of words to mask, one per line (as sos clean --keyword-file).")
  Path keywordsFile;

  @Option(
      names = "--redact-map",
      paramLabel = "FILE",
      description =
          "A sos clean mapping file (e.g. /etc/sos/cleaner/default_mapping) to honour and extend, so the report matches a sosreport masked with it.")
  Path sosMap;

  @Option(
      names = "--redact-drop-evidence",
      description = "Leave the evidence pages out of the redacted copy and unlink them.")
  boolean dropEvidence;

  @Option(
      names = "--redact-map-out",
      paramLabel = "FILE",
      description =
          "Where to write the map used (default: beside the redacted copy, <copy>.map.json); never inside the copy. Keep it private.")
  Path mapOut;

  /** Redacts {@code report} into {@code out} and prints where the copy and the map went. */
  RedactResult redact(Path report, Path out, PrintWriter printer) throws IOException {
    List<String> words = new ArrayList<>(keywords);
    if (keywordsFile != null) {
      for (String line : Files.readAllLines(keywordsFile, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          words.add(line.strip());
        }
      }
    }
    RedactOptions options =
        new RedactOptions(
            words, Optional.ofNullable(sosMap), dropEvidence, Optional.ofNullable(mapOut));
    RedactResult r = new ReportRedactor().redact(report, out, options);
    printer.println("redacted copy: " + r.out() + " (" + r.files() + " files)");
    printer.println("redaction map (keep private): " + r.map());
    if (!r.unmasked().isEmpty()) {
      printer.println(
          "left unmasked (under 3 characters, no letter, or a report.json field name): "
              + String.join(", ", r.unmasked()));
    }
    printer.flush();
    return r;
  }
}
