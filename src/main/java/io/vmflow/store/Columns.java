package io.vmflow.store;

/**
 * Fits input-derived text into bounded columns. Ingest already shortens names with a finding; this
 * is the last guard, so no value an input can produce ever fails an insert.
 */
final class Columns {

  private Columns() {}

  /** {@code s} unchanged when it fits {@code max} characters, else its start and a cut marker. */
  static String fit(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    String marker = "…[" + (s.length() - max + 20) + " chars cut]";
    return s.substring(0, max - marker.length()) + marker;
  }
}
