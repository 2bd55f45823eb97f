package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.AsciiTable;
import java.util.List;
import java.util.Map;

/** Shared reading of {@code | Field | Value |} / {@code | Property | Value |} tables. */
final class PropertyTables {

  /** The properties, the table (for line numbers) and findings for stray lines. */
  record Properties(Map<String, String> values, AsciiTable.Table table, int firstRowIndex) {
    String get(String... names) {
      for (String n : names) {
        String v = values.get(n);
        if (v != null) {
          return v;
        }
      }
      return "";
    }

    int line(SourceText s, String name) {
      int idx = table.propertyIndex(name);
      return s.lineNo(idx >= 0 ? idx : Math.max(0, firstRowIndex));
    }
  }

  private PropertyTables() {}

  static Properties read(SourceText source, String what, List<Finding> findings) {
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    ParseFindings.unrecognisedAll(source, t.other(), what, findings);
    int first = t.rows().isEmpty() ? 0 : t.rows().get(0).index();
    return new Properties(t.properties(), t, first);
  }
}
