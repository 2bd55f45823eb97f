package io.vmflow.cause;

import io.vmflow.model.Ipv4;

/** IPv4 prefixes and masks, MACs as bits: what flow and firewall matches compare. */
final class Addresses {

  private Addresses() {}

  /**
   * True when {@code ip} lies in {@code net}: {@code 10.20.0.11}, {@code 10.20.0.0/24}, {@code
   * 10.20.0.0/255.255.255.0}. IPv6 compares the address text only.
   */
  static boolean inNetwork(String ip, String net) {
    if (ip.isEmpty() || net.isEmpty()) {
      return false;
    }
    if (ip.contains(":") || net.contains(":")) {
      return net.split("/")[0].equalsIgnoreCase(ip);
    }
    String[] parts = net.split("/");
    long a = ipv4(ip);
    long n = ipv4(parts[0]);
    long mask = 0xffffffffL;
    if (parts.length > 1) {
      mask =
          parts[1].contains(".")
              ? ipv4(parts[1])
              : parts[1].matches("\\d{1,2}") && Integer.parseInt(parts[1]) <= 32
                  ? Ipv4.mask(Integer.parseInt(parts[1]))
                  : -1;
    }
    return a >= 0 && n >= 0 && mask >= 0 && (a & mask) == (n & mask);
  }

  static long ipv4(String s) {
    return Ipv4.value(s);
  }

  static long macBits(String mac) {
    String hex = mac.replace(":", "");
    return hex.matches("[0-9a-fA-F]{12}") ? Long.parseLong(hex, 16) : -1;
  }
}
