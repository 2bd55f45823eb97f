package io.vmflow.ingest;

/**
 * Turns untrusted entry names into labels fit for origins, the database and HTML: control
 * characters become {@code \x1b}-style escapes and a name longer than {@link #MAX_CHARS} keeps its
 * start and end around a marker that says how much was cut. Names are only ever labels, so the
 * rewrite loses nothing vmflow needs; the finding keeps the fact that it happened.
 */
final class EntryLabels {

  /** Longest name kept whole: eight nesting levels of such names still fit one origin column. */
  static final int MAX_CHARS = 400;

  private EntryLabels() {}

  /** The label for {@code name}: escaped, and cut with a marker when too long. */
  static String label(String name) {
    String escaped = escape(name);
    if (escaped.length() <= MAX_CHARS) {
      return escaped;
    }
    int keepEnd = 100;
    int keepStart = MAX_CHARS - keepEnd - 40;
    int cut = escaped.length() - keepStart - keepEnd;
    return escaped.substring(0, keepStart)
        + "…["
        + cut
        + " chars cut]…"
        + escaped.substring(escaped.length() - keepEnd);
  }

  static boolean isCut(String name) {
    return escape(name).length() > MAX_CHARS;
  }

  /** Control characters (C0, DEL, C1) as {@code \xNN}; every other character as it is. */
  static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
      if (control && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (control) {
        b.append(String.format("\\x%02x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }
}
