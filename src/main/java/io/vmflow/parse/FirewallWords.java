package io.vmflow.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared reading of firewall rule words: quoted tokens, protocol names, ICMP type names. */
final class FirewallWords {

  private FirewallWords() {}

  /** Words of a rule; a double-quoted run ({@code "Direct traffic ..."}) is one word. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  /** {@code 1} and {@code icmp} are ICMP; {@code 0} and {@code all} are any protocol (""). */
  static String protocol(String p) {
    String v = p.toLowerCase(Locale.ROOT);
    return switch (v) {
      case "0", "all", "" -> "";
      case "1" -> "icmp";
      case "6" -> "tcp";
      case "17" -> "udp";
      case "58", "icmpv6", "ipv6-icmp" -> "icmpv6";
      default -> v;
    };
  }

  /** {@code echo-reply}, {@code 0}, {@code 0/0}, {@code echo-request}, {@code 8}; -1 otherwise. */
  static int icmpType(String t) {
    String v = t.toLowerCase(Locale.ROOT).replace(",", "");
    int slash = v.indexOf('/');
    if (slash > 0) {
      v = v.substring(0, slash);
    }
    return switch (v) {
      case "echo-reply", "pong" -> 0;
      case "destination-unreachable" -> 3;
      case "echo-request", "ping" -> 8;
      case "time-exceeded" -> 11;
      default -> v.matches("\\d{1,3}") ? Integer.parseInt(v) : -1;
    };
  }

  /** {@code DROP}, {@code drop}: the verdict word in upper case, "" for a jump to a user chain. */
  static String verdict(String target) {
    String v = target.toUpperCase(Locale.ROOT);
    return switch (v) {
      case "DROP", "REJECT", "ACCEPT", "RETURN" -> v;
      default -> "";
    };
  }
}
