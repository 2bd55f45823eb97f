package io.vmflow.model;

/** IPv4 addresses as numbers: prefixes and ranges that topology, checks and causes compare. */
public final class Ipv4 {

  private Ipv4() {}

  /** The address as an unsigned 32-bit number, or -1 when {@code ip} is not dotted-quad IPv4. */
  public static long value(String ip) {
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

  /** Whether {@code cidr} ({@code 192.168.21.1/24}) holds {@code ip}; false for non-IPv4. */
  public static boolean inPrefix(String cidr, String ip) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    long net = value(cidr.substring(0, slash));
    long addr = value(ip);
    String len = cidr.substring(slash + 1);
    if (net < 0 || addr < 0 || !len.matches("\\d{1,2}") || Integer.parseInt(len) > 32) {
      return false;
    }
    long mask = mask(Integer.parseInt(len));
    return (net & mask) == (addr & mask);
  }

  /** Whether {@code range} ({@code 10.0.0.2-10.0.0.254}) holds {@code ip}; false for non-IPv4. */
  public static boolean inRange(String range, String ip) {
    int dash = range.indexOf('-');
    if (dash < 0) {
      return false;
    }
    long a = value(range.substring(0, dash));
    long b = value(range.substring(dash + 1));
    long x = value(ip);
    return a >= 0 && b >= 0 && x >= 0 && a <= x && x <= b;
  }

  /** The netmask of a prefix length 0–32. */
  public static long mask(int length) {
    return length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
  }
}
