package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.util.List;

/** Findings every parser raises, with stable codes. */
final class ParseFindings {

  static final String UNRECOGNISED_LINE = "PARSE_UNRECOGNISED_LINE";
  static final String NO_DATA = "PARSE_NO_DATA";
  static final String BAD_VALUE = "PARSE_BAD_VALUE";

  private ParseFindings() {}

  static Finding unrecognised(SourceText s, int index, String what) {
    String line = s.lines().get(index);
    String shown = line.length() > 200 ? line.substring(0, 200) + "..." : line;
    return Finding.input(
        Severity.WARNING,
        UNRECOGNISED_LINE,
        "unrecognised " + what + " line: '" + shown + "'",
        s.origin(),
        s.lineNo(index));
  }

  static Finding badValue(SourceText s, int index, String message) {
    return Finding.input(Severity.WARNING, BAD_VALUE, message, s.origin(), s.lineNo(index));
  }

  static Finding noData(SourceText s, String what) {
    return Finding.input(
        Severity.ERROR, NO_DATA, "no " + what + " found in the output", s.origin(), s.firstLine());
  }

  static void unrecognisedAll(
      SourceText s, List<Integer> indexes, String what, List<Finding> into) {
    for (int i : indexes) {
      into.add(unrecognised(s, i, what));
    }
  }
}
