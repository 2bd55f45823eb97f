package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.AsciiTable;
import io.vmflow.parse.text.OpenstackOutput;
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
      return s.lineNo(index(name));
    }

    /** Index of the line holding {@code name}, the first row's when unknown (JSON, shell forms). */
    int index(String name) {
      int idx = table.propertyIndex(name);
      return idx >= 0 ? idx : Math.max(0, firstRowIndex);
    }
  }

  private PropertyTables() {}

  /** Table form, or the openstack client's {@code -f json} / {@code -f shell} forms of a show. */
  static Properties read(SourceText source, String what, List<Finding> findings) {
    OpenstackOutput.Form form = OpenstackOutput.form(source.lines());
    if (form == OpenstackOutput.Form.JSON || form == OpenstackOutput.Form.SHELL) {
      OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), List.of());
      ParseFindings.unrecognisedAll(source, rows.unreadable(), what, findings);
      Map<String, String> values = rows.rows().isEmpty() ? Map.of() : rows.rows().get(0).values();
      return new Properties(
          values,
          AsciiTable.parse(List.of()),
          rows.rows().isEmpty() ? 0 : rows.rows().get(0).index());
    }
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    ParseFindings.unrecognisedAll(source, t.other(), what, findings);
    int first = t.rows().isEmpty() ? 0 : t.rows().get(0).index();
    return new Properties(t.properties(), t, first);
  }
}
