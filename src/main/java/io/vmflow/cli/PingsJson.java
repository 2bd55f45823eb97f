package io.vmflow.cli;

import java.util.List;
import java.util.Map;

/**
 * The {@code vmflow pings --json} list, written by hand in the layout of Jackson's default pretty
 * printer, character for character (PingsJsonTest compares the two). Jackson's set-up loaded some
 * 500 classes and took about 0.25 s of CPU at the end of every run, on one thread, for a list of a
 * few flat rows:
 *
 * <pre>
 * [ {
 *   "point" : "tap1c65142e-2a",
 *   "id" : 1000,
 *   "rttMinMs" : 0.08
 * }, {
 *   ...
 * } ]
 * </pre>
 *
 * Values are strings, whole numbers, doubles (as {@link Double#toString}, Jackson's default) or
 * null.
 */
final class PingsJson {

  private PingsJson() {}

  static String write(List<Map<String, Object>> rows) {
    StringBuilder s = new StringBuilder(64 + rows.size() * 400);
    s.append('[');
    if (rows.isEmpty()) {
      return s.append(" ]").toString();
    }
    for (int i = 0; i < rows.size(); i++) {
      s.append(i == 0 ? " {" : ", {");
      boolean first = true;
      for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
        s.append(first ? "\n  " : ",\n  ");
        first = false;
        string(s, e.getKey());
        s.append(" : ");
        value(s, e.getValue());
      }
      s.append(first ? " }" : "\n}");
    }
    return s.append(" ]").toString();
  }

  private static void value(StringBuilder s, Object v) {
    if (v == null) {
      s.append("null");
    } else if (v instanceof String t) {
      string(s, t);
    } else if (v instanceof Integer || v instanceof Long) {
      s.append(v);
    } else if (v instanceof Double d && Double.isFinite(d)) {
      s.append(Double.toString(d));
    } else {
      throw new IllegalArgumentException("not a pings value: " + v);
    }
  }

  // JSON's escapes as Jackson writes them: the two-character forms where JSON has one, else
  // \\u00XX in upper-case hex for the other control characters; everything else as is
  private static void string(StringBuilder s, String t) {
    s.append('"');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\b' -> s.append("\\b");
        case '\t' -> s.append("\\t");
        case '\n' -> s.append("\\n");
        case '\f' -> s.append("\\f");
        case '\r' -> s.append("\\r");
        default -> {
          if (c < 0x20) {
            s.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
