package io.vmflow.check;

/** IPv4 {@code start-end} ranges (a subnet's allocation pools). */
final class IpRanges {

  private IpRanges() {}

  /** Whether {@code range} ({@code 10.0.0.2-10.0.0.254}) holds {@code ip}; false for non-IPv4. */
  static boolean contains(String range, String ip) {
    int dash = range.indexOf('-');
    if (dash < 0) {
      return false;
    }
    long a = value(range.substring(0, dash));
    long b = value(range.substring(dash + 1));
    long x = value(ip);
    return a >= 0 && b >= 0 && x >= 0 && a <= x && x <= b;
  }

  private static long value(String ip) {
    String[] parts = ip.trim().split("\\.");
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String p : parts) {
      if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
        return -1;
      }
      v = v << 8 | Integer.parseInt(p);
    }
    return v;
  }
}
