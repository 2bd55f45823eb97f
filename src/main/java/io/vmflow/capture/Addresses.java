package io.vmflow.capture;

import java.util.HashMap;
import java.util.Map;

/**
 * Text forms of IP addresses as tcpdump and neutron print them (dotted IPv4, RFC 5952 IPv6), with a
 * small cache: a capture repeats the same few addresses millions of times.
 */
final class Addresses {

  private final Map<Integer, String> v4 = new HashMap<>();

  String v4(byte[] b, int off) {
    int key =
        (b[off] & 0xff) << 24
            | (b[off + 1] & 0xff) << 16
            | (b[off + 2] & 0xff) << 8
            | (b[off + 3] & 0xff);
    String s = v4.get(key);
    if (s == null) {
      s =
          (b[off] & 0xff)
              + "."
              + (b[off + 1] & 0xff)
              + "."
              + (b[off + 2] & 0xff)
              + "."
              + (b[off + 3] & 0xff);
      if (v4.size() < 65536) {
        v4.put(key, s);
      }
    }
    return s;
  }

  static String v6(byte[] b, int off) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = (b[off + 2 * i] & 0xff) << 8 | (b[off + 2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder s = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(g[i]));
    }
    return s.toString();
  }
}
