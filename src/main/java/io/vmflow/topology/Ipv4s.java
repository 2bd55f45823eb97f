package io.vmflow.topology;

/** IPv4 prefix arithmetic for the L3 trace. */
final class Ipv4s {

  private Ipv4s() {}

  /** Whether {@code cidr} ({@code 192.168.21.1/24}) holds {@code ip}; false for non-IPv4. */
  static boolean contains(String cidr, String ip) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    long net = value(cidr.substring(0, slash));
    long addr = value(ip);
    int len;
    try {
      len = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (net < 0 || addr < 0 || len < 0 || len > 32) {
      return false;
    }
    long mask = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
    return (net & mask) == (addr & mask);
  }

  private static long value(String ip) {
    String[] parts = ip.split("\\.");
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
