package io.vmflow.parse.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The openstack client's output forms reduced to rows of column -> value: {@code table} (the
 * default), {@code -f json} (a list of objects, or one object for {@code show}), {@code -f shell}
 * ({@code key="value"} lines) and, for {@code show}, {@code -f value} is left to the caller.
 */
public final class OpenstackOutput {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One row: values by column header as printed, and the index of its first line. */
  public record Row(Map<String, String> values, int index) {
    public String get(String... names) {
      for (String n : names) {
        for (Map.Entry<String, String> e : values.entrySet()) {
          if (e.getKey().equalsIgnoreCase(n) || e.getKey().replace(' ', '_').equalsIgnoreCase(n)) {
            return e.getValue();
          }
        }
      }
      return "";
    }
  }

  private OpenstackOutput() {}

  /** Rows of a list output; a show output gives one row of field -> value. */
  public static List<Row> rows(List<String> lines, List<String> defaultColumns) {
    String first = lines.stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (first.startsWith("[") || first.startsWith("{")) {
      return json(String.join("\n", lines));
    }
    if (first.matches("[a-z_]+=\".*")) {
      return List.of(shell(lines));
    }
    AsciiTable.Table t = AsciiTable.parse(lines);
    boolean property = t.header().size() == 2 && (t.header().get(0).equalsIgnoreCase("Field") || t.header().get(0).equalsIgnoreCase("Property"));
    List<Row> out = new ArrayList<>();
    if (property) {
      Map<String, String> m = new LinkedHashMap<>();
      t.properties().forEach((k, v) -> m.put(k, v.replace("\n", " ")));
      out.add(new Row(m, t.rows().isEmpty() ? 0 : t.rows().get(0).index()));
      return out;
    }
    List<String> header = t.header().isEmpty() ? defaultColumns : t.header();
    for (AsciiTable.Row r : t.rows()) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.cell(i));
      }
      out.add(new Row(m, r.index()));
    }
    return out;
  }

  private static List<Row> json(String text) {
    List<Row> out = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(text);
      if (root.isArray()) {
        root.forEach(n -> out.add(new Row(flat(n), 0)));
      } else if (root.isObject()) {
        out.add(new Row(flat(root), 0));
      }
    } catch (RuntimeException e) {
      return List.of();
    }
    return out;
  }

  private static Map<String, String> flat(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    n.properties().forEach(e -> m.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asString() : e.getValue().toString()));
    return m;
  }

  private static Row shell(List<String> lines) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String l : lines) {
      int eq = l.indexOf('=');
      if (eq > 0) {
        String v = l.substring(eq + 1).trim();
        m.put(l.substring(0, eq).trim(), v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v);
      }
    }
    return new Row(m, 0);
  }
}
