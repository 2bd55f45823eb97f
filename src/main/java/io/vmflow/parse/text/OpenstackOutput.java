package io.vmflow.parse.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The openstack client's output forms reduced to rows of column -> value, told apart by content:
 * {@code table} (the default), {@code -f json} (a list of objects, or one object for {@code show}),
 * {@code -f shell} ({@code key="value"} lines, {@code show} only in cliff) and {@code -f value}
 * (space-separated cells, no header, columns in the command's default order). A {@code show} in
 * {@code -f value} form carries no field names and yields no row.
 */
public final class OpenstackOutput {

  /** How the output was printed. */
  public enum Form {
    TABLE,
    JSON,
    SHELL,
    VALUE
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  // name="instance01"   OS_EXT_SRV_ATTR_host="compute01"   (cliff turns ':' and '-' into '_')
  private static final Pattern SHELL_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=\"(.*)$");
  private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

  /** One row: values by column header as printed, and the index of its first line. */
  public record Row(Map<String, String> values, int index) {
    /**
     * The value under the first of {@code names} present; names match whatever the form did to them
     * ({@code MAC Address}, {@code mac_address}, {@code OS-EXT-SRV-ATTR:host} = {@code
     * OS_EXT_SRV_ATTR_host}).
     */
    public String get(String... names) {
      for (String n : names) {
        String want = key(n);
        for (Map.Entry<String, String> e : values.entrySet()) {
          if (key(e.getKey()).equals(want)) {
            return e.getValue();
          }
        }
      }
      return "";
    }
  }

  /** The rows, and the indexes of lines that could not be read. */
  public record Rows(Form form, List<Row> rows, List<Integer> unreadable) {
    public Rows {
      rows = List.copyOf(rows);
      unreadable = List.copyOf(unreadable);
    }
  }

  private OpenstackOutput() {}

  /** Rows of a list output; a show output gives one row of field -> value. */
  public static List<Row> rows(List<String> lines, List<String> defaultColumns) {
    return read(lines, defaultColumns).rows();
  }

  public static Rows read(List<String> lines, List<String> defaultColumns) {
    Form form = form(lines);
    return switch (form) {
      case JSON -> json(lines);
      case SHELL -> shell(lines);
      case VALUE -> value(lines, defaultColumns);
      case TABLE -> table(lines, defaultColumns);
    };
  }

  /** The form, from the first non-blank line. */
  public static Form form(List<String> lines) {
    String first =
        lines.stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (first.startsWith("[") || first.startsWith("{")) {
      return Form.JSON;
    }
    if (SHELL_LINE.matcher(first).matches()) {
      return Form.SHELL;
    }
    return first.isEmpty() || first.startsWith("+") || first.startsWith("|")
        ? Form.TABLE
        : Form.VALUE;
  }

  static String key(String name) {
    return NOT_WORD.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_");
  }

  private static Rows table(List<String> lines, List<String> defaultColumns) {
    AsciiTable.Table t = AsciiTable.parse(lines);
    boolean property =
        t.header().size() == 2
            && (t.header().get(0).equalsIgnoreCase("Field")
                || t.header().get(0).equalsIgnoreCase("Property"));
    List<Row> out = new ArrayList<>();
    if (property) {
      Map<String, String> m = new LinkedHashMap<>();
      t.properties().forEach((k, v) -> m.put(k, v.replace("\n", " ")));
      out.add(new Row(m, t.rows().isEmpty() ? 0 : t.rows().get(0).index()));
      return new Rows(Form.TABLE, out, t.other());
    }
    List<String> header = t.header().isEmpty() ? defaultColumns : t.header();
    for (AsciiTable.Row r : t.rows()) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), r.cell(i));
      }
      out.add(new Row(m, r.index()));
    }
    return new Rows(Form.TABLE, out, t.other());
  }

  // A cut-off list keeps the objects read before the cut; the cut is one unreadable line.
  private static Rows json(List<String> lines) {
    List<Row> out = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    int at = 0;
    try (MappingIterator<JsonNode> it =
        JSON.readerFor(JsonNode.class).readValues(String.join("\n", lines))) {
      while (it.hasNextValue()) {
        JsonNode n = it.nextValue();
        if (n.isObject()) {
          Map<String, String> m = flat(n);
          at = lineOf(lines, m, at);
          out.add(new Row(m, at));
        }
      }
    } catch (JacksonException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      bad.add(Math.max(0, Math.min(lines.size() - 1, line - 1)));
    }
    return new Rows(Form.JSON, out, bad);
  }

  /** The line where the row's first value is printed, searching on from {@code from}. */
  private static int lineOf(List<String> lines, Map<String, String> row, int from) {
    String first = row.values().stream().filter(v -> !v.isEmpty()).findFirst().orElse("");
    for (int i = from; i < lines.size() && !first.isEmpty(); i++) {
      if (lines.get(i).contains(first)) {
        return i;
      }
    }
    return from;
  }

  private static Map<String, String> flat(JsonNode n) {
    Map<String, String> m = new LinkedHashMap<>();
    n.properties()
        .forEach(
            e ->
                m.put(
                    e.getKey(),
                    e.getValue().isValueNode()
                        ? e.getValue().asString()
                        : e.getValue().toString()));
    return m;
  }

  // cliff escapes '"' as '\"'; a value holding newlines runs on over the following lines
  private static Rows shell(List<String> lines) {
    Map<String, String> m = new LinkedHashMap<>();
    List<Integer> bad = new ArrayList<>();
    String open = null;
    StringBuilder value = new StringBuilder();
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher k = SHELL_LINE.matcher(l.trim());
      if (open != null) {
        value.append('\n').append(l);
      } else if (k.matches()) {
        open = k.group(1);
        value.setLength(0);
        value.append(k.group(2));
        first = first < 0 ? i : first;
      } else {
        if (!l.isBlank()) {
          bad.add(i);
        }
        continue;
      }
      String v = value.toString().stripTrailing();
      if (closed(v)) {
        m.put(open, v.substring(0, v.length() - 1).replace("\\\"", "\""));
        open = null;
      }
    }
    if (open != null) {
      m.put(open, value.toString().replace("\\\"", "\""));
    }
    List<Row> rows = m.isEmpty() ? List.of() : List.of(new Row(m, Math.max(0, first)));
    return new Rows(Form.SHELL, rows, bad);
  }

  private static boolean closed(String v) {
    if (!v.endsWith("\"")) {
      return false;
    }
    int slashes = 0;
    for (int i = v.length() - 2; i >= 0 && v.charAt(i) == '\\'; i--) {
      slashes++;
    }
    return slashes % 2 == 0;
  }

  /**
   * {@code -f value}: cells are split on single spaces; a cell that is a list ({@code
   * net0=10.0.4.6, 172.24.4.5}) keeps its {@code ", "} parts together, and spare words go to the
   * {@code Name} column, the one free-text column of every default list. A row whose id column
   * holds no UUID is unreadable.
   */
  private static Rows value(List<String> lines, List<String> columns) {
    List<Row> out = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    int nameCol = Math.max(0, indexOf(columns, "name"));
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty()) {
        continue;
      }
      List<String> cells = cells(l);
      if (columns.isEmpty()
          || !columns.get(0).equalsIgnoreCase("id")
          || !Cells.isUuid(cells.get(0))) {
        bad.add(i);
        continue;
      }
      while (cells.size() > columns.size()) {
        cells.set(nameCol, cells.get(nameCol) + " " + cells.remove(nameCol + 1));
      }
      Map<String, String> m = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        m.put(columns.get(c), c < cells.size() ? cells.get(c) : "");
      }
      out.add(new Row(m, i));
    }
    return new Rows(Form.VALUE, out, bad);
  }

  private static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    // cliff joins cells with one space: two spaces are an empty cell between them
    for (String w : line.split(" ", -1)) {
      if (!out.isEmpty() && open(out.get(out.size() - 1))) {
        out.set(out.size() - 1, out.get(out.size() - 1) + " " + w);
      } else {
        out.add(w);
      }
    }
    return out;
  }

  /**
   * A cell that goes on: a list separator, or a bracket still open ({@code [{'subnet_id': ...}]}).
   */
  private static boolean open(String cell) {
    if (cell.endsWith(",") || cell.endsWith(":")) {
      return true;
    }
    int depth = 0;
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
    }
    return depth > 0;
  }

  private static int indexOf(List<String> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }
}
