package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ingest.ArtifactText;
import io.vmflow.ingest.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/** What loading a text for its parser had to change: invalid bytes replaced, a too-large tail. */
final class TextFindings {

  static final String INVALID_BYTES = "ENTRY_INVALID_BYTES";
  static final String TOO_LARGE_TO_PARSE = "ENTRY_TOO_LARGE_TO_PARSE";

  private TextFindings() {}

  static List<Finding> of(ArtifactText.Text text, CatalogEntry e) {
    List<Finding> out = new ArrayList<>();
    int offset = e.firstLine() - 1;
    if (text.invalidCount() > 0) {
      List<Integer> at = text.invalidLines().stream().map(l -> l + offset).toList();
      out.add(
          Finding.input(
              Severity.INFO,
              INVALID_BYTES,
              text.invalidCount()
                  + " line(s) hold bytes that are not UTF-8, read with replacement characters"
                  + " and parsed: line(s) "
                  + at
                  + (text.invalidCount() > at.size() ? " …" : ""),
              e.origin(),
              at.get(0)));
    }
    if (text.cutAt() >= 0) {
      out.add(
          Finding.input(
              Severity.WARNING,
              TOO_LARGE_TO_PARSE,
              "only the first "
                  + text.cutAt()
                  + " of "
                  + e.size()
                  + " bytes parsed (load limit of this run's heap); the rest is not analysed",
              e.origin(),
              e.firstLine()));
    }
    return out;
  }
}
