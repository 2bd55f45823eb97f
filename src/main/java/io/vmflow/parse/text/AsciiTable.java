package io.vmflow.parse.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads prettytable output as nova, neutron, openstack and cps print it:
 *
 * <pre>
 * +------------+--------------------------------------+
 * | Port State | Port ID                              |
 * +------------+--------------------------------------+
 * | ACTIVE     | 81e4a23a-4053-40ce-9044-4edbe385b791 |
 * +------------+--------------------------------------+
 * </pre>
 *
 * Also rows cut out by {@code grep} (no borders, no header, sometimes no closing bar) and wrapped
 * cells: a row whose first cell is empty continues the row above, its cells joined with a newline.
 */
public final class AsciiTable {

  // +------------+------+   or   +====+====+
  private static final Pattern BORDER = Pattern.compile("^\\s*\\+[-=+]+\\+?\\s*$");

  /** A row: cells trimmed, and the index of its first line in the parsed lines. */
  public record Row(List<String> cells, int index) {
    public Row {
      cells = List.copyOf(cells);
    }

    public String cell(int i) {
      return i < cells.size() ? cells.get(i) : "";
    }
  }

  /**
   * A parsed table. {@code header} is empty when the output had none (grep-cut); {@code other}
   * holds the indexes of lines that were neither border nor row.
   */
  public record Table(List<String> header, List<Row> rows, List<Integer> other) {
    public Table {
      header = List.copyOf(header);
      rows = List.copyOf(rows);
      other = List.copyOf(other);
    }

    /** Index of a header column, matched case-insensitively, ignoring spaces and underscores. */
    public Optional<Integer> column(String... names) {
      for (String name : names) {
        for (int i = 0; i < header.size(); i++) {
          if (norm(header.get(i)).equals(norm(name))) {
            return Optional.of(i);
          }
        }
      }
      return Optional.empty();
    }

    /** The cell of {@code row} under the first of {@code names} that is a column, else "". */
    public String get(Row row, String... names) {
      return column(names).map(row::cell).orElse("");
    }

    /** Cells of columns not in {@code known}, header -> cell. */
    public Map<String, String> extra(Row row, List<String> known) {
      Map<String, String> out = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i);
        if (known.stream().noneMatch(k -> norm(k).equals(norm(h)))) {
          out.put(h, row.cell(i));
        }
      }
      return out;
    }

    /** A two-column property table ({@code Field | Value}) as name -> value, in order. */
    public Map<String, String> properties() {
      Map<String, String> out = new LinkedHashMap<>();
      for (Row r : rows) {
        out.put(r.cell(0), r.cell(1));
      }
      return out;
    }

    /** Line index of the row holding property {@code name}, or -1. */
    public int propertyIndex(String name) {
      return rows.stream()
          .filter(r -> r.cell(0).equals(name))
          .mapToInt(Row::index)
          .findFirst()
          .orElse(-1);
    }
  }

  private AsciiTable() {}

  public static Table parse(List<String> lines) {
    List<String> header = List.of();
    List<Row> rows = new ArrayList<>();
    List<Integer> other = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || BORDER.matcher(line).matches()) {
        continue;
      }
      if (!line.trim().startsWith("|")) {
        other.add(i);
        continue;
      }
      List<String> cells = cells(line);
      boolean isHeader =
          header.isEmpty()
              && rows.isEmpty()
              && i + 1 < lines.size()
              && BORDER.matcher(lines.get(i + 1)).matches()
              && i > 0
              && BORDER.matcher(lines.get(i - 1)).matches();
      if (isHeader) {
        header = cells;
      } else if (!rows.isEmpty()
          && cells.get(0).isEmpty()
          && cells.stream().anyMatch(c -> !c.isEmpty())) {
        rows.set(rows.size() - 1, join(rows.get(rows.size() - 1), cells));
      } else if (cells.stream().anyMatch(c -> !c.isEmpty())) {
        rows.add(new Row(cells, i));
      }
    }
    return new Table(header, rows, other);
  }

  /** Cells of one {@code | a | b |} line; a missing closing bar (grep-cut) is tolerated. */
  public static List<String> cells(String line) {
    String t = line.trim();
    if (t.startsWith("|")) {
      t = t.substring(1);
    }
    if (t.endsWith("|")) {
      t = t.substring(0, t.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String c : t.split("\\|", -1)) {
      out.add(c.trim());
    }
    return out;
  }

  private static Row join(Row above, List<String> more) {
    List<String> cells = new ArrayList<>(above.cells());
    for (int i = 0; i < more.size(); i++) {
      String add = more.get(i);
      if (add.isEmpty()) {
        continue;
      }
      if (i < cells.size()) {
        cells.set(i, cells.get(i).isEmpty() ? add : cells.get(i) + "\n" + add);
      } else {
        cells.add(add);
      }
    }
    return new Row(cells, above.index());
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
  }
}
