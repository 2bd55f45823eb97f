package io.vmflow.redact;

import java.util.Locale;
import java.util.Map;

/**
 * Replaces every known value in a text by its masked counterpart in one left-to-right pass,
 * case-insensitively, the longest known value at a position first, so a replacement is never
 * matched again and {@code 10.0.0.1} never eats the start of {@code 10.0.0.17}. A trie over the
 * lower-cased values keeps the pass linear in the text for any number of values.
 */
final class Substitution {

  /** How a value must be delimited in the text to count as a match. */
  enum Kind {
    /** Host names, domains, names, keywords, UUIDs: not inside a longer word. */
    WORD,
    /** An IPv4 address: not inside a longer number or dotted quad. */
    IPV4,
    /** A MAC or IPv6 address: not inside a longer hex run or colon group. */
    HEX_COLON,
    /** A port-id prefix ending a device name ({@code tap1c65142e-2a}): any character before. */
    DEVICE_SUFFIX
  }

  private record Target(String replacement, Kind kind) {}

  private static final class Node {
    private char[] keys = new char[0];
    private Node[] kids = new Node[0];
    private Target target;

    Node child(char c) {
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == c) {
          return kids[i];
        }
      }
      return null;
    }

    Node add(char c) {
      Node n = child(c);
      if (n == null) {
        n = new Node();
        keys = java.util.Arrays.copyOf(keys, keys.length + 1);
        kids = java.util.Arrays.copyOf(kids, kids.length + 1);
        keys[keys.length - 1] = c;
        kids[kids.length - 1] = n;
      }
      return n;
    }
  }

  private final Node[] roots = new Node[128];
  private final Node otherRoot = new Node();
  private int size;

  /** Adds {@code value → replacement}; the first value added wins over a later equal one. */
  void put(String value, String replacement, Kind kind) {
    if (value.isEmpty() || value.equalsIgnoreCase(replacement)) {
      return;
    }
    String v = value.toLowerCase(Locale.ROOT);
    char first = v.charAt(0);
    Node n;
    if (first < 128) {
      if (roots[first] == null) {
        roots[first] = new Node();
      }
      n = roots[first];
    } else {
      n = otherRoot.add(first);
    }
    for (int i = 1; i < v.length(); i++) {
      n = n.add(v.charAt(i));
    }
    if (n.target == null) {
      n.target = new Target(replacement, kind);
      size++;
    }
  }

  void putAll(Map<String, String> values, Kind kind) {
    values.forEach((k, v) -> put(k, v, kind));
  }

  int size() {
    return size;
  }

  /** The text with every delimited known value replaced. */
  String apply(String text) {
    StringBuilder out = null;
    int copied = 0;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int end = -1;
      Target hit = null;
      char c = Character.toLowerCase(text.charAt(i));
      Node node = c < 128 ? roots[c] : otherRoot.child(c);
      int j = i + 1;
      while (node != null) {
        if (node.target != null && accepts(node.target.kind, text, i, j)) {
          end = j;
          hit = node.target;
        }
        if (j >= n) {
          break;
        }
        node = node.child(Character.toLowerCase(text.charAt(j)));
        j++;
      }
      if (hit == null) {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(n + 64);
      }
      out.append(text, copied, i).append(caseOf(text, i, end, hit.replacement));
      copied = end;
      i = end;
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, n).toString();
  }

  // an all-upper-case original (FusionSphere host UUIDs) keeps upper case for hex replacements
  private static String caseOf(String text, int from, int to, String replacement) {
    boolean upper = false;
    for (int k = from; k < to; k++) {
      char ch = text.charAt(k);
      if (Character.isLowerCase(ch)) {
        return replacement;
      }
      upper |= Character.isUpperCase(ch);
    }
    return upper && replacement.matches("[0-9a-f:.\\-/]+")
        ? replacement.toUpperCase(Locale.ROOT)
        : replacement;
  }

  static boolean accepts(Kind kind, CharSequence s, int from, int to) {
    char before = from > 0 ? s.charAt(from - 1) : ' ';
    char after = to < s.length() ? s.charAt(to) : ' ';
    char after2 = to + 1 < s.length() ? s.charAt(to + 1) : ' ';
    return switch (kind) {
      case WORD ->
          !isAlnum(before)
              && !isAlnum(after)
              && before != '<'
              && !(before == '/' && from > 1 && s.charAt(from - 2) == '<')
              && !(after == '=' && after2 == '"');
      case IPV4 ->
          !isAlnum(before)
              && before != '.'
              && !isAlnum(after)
              && !(after == '.' && Character.isDigit(after2));
      case HEX_COLON ->
          !isAlnum(before)
              && !afterIpv6Group(s, from)
              && !isAlnum(after)
              && !(after == ':' && Character.digit(after2, 16) >= 0);
      case DEVICE_SUFFIX -> !isAlnum(after) && after != '-';
    };
  }

  /**
   * True when the text before {@code from} is {@code "::"} or a hex group of one to four digits and
   * a colon ({@code 2001:db8:}): the value would be the tail of an IPv6 address. {@code addr:} and
   * {@code mod_dl_src:} (ovs-ofctl) are words, so a MAC after them is a MAC.
   */
  static boolean afterIpv6Group(CharSequence s, int from) {
    if (from < 2 || s.charAt(from - 1) != ':') {
      return false;
    }
    int k = from - 2;
    if (s.charAt(k) == ':') {
      return true;
    }
    int digits = 0;
    while (k >= 0 && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
      digits++;
      k--;
    }
    return digits >= 1 && digits <= 4;
  }

  private static boolean isAlnum(char c) {
    return Character.isLetterOrDigit(c);
  }
}
