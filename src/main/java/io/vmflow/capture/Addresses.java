package io.vmflow.capture;

/**
 * Text forms of IP addresses as tcpdump and neutron print them (dotted IPv4, RFC 5952 IPv6), with a
 * small cache: a capture repeats the same few addresses millions of times.
 */
final class Addresses {

  // an open-addressing table of int keys (no boxing: a map of Integer was the capture stage's top
  // cost, one lookup per echo); at most MAX addresses are kept, the rest are formatted each time
  private static final int MAX = 1 << 16;
  private int[] keys = new int[64];
  private String[] texts = new String[64];
  private int size;

  String v4(byte[] b, int off) {
    return v4(
        (b[off] & 0xff) << 24
            | (b[off + 1] & 0xff) << 16
            | (b[off + 2] & 0xff) << 8
            | (b[off + 3] & 0xff));
  }

  /** The text of the IPv4 address {@code key} (its four bytes, big-endian). */
  String v4(int key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      String s = texts[i];
      if (s == null) {
        break;
      }
      if (keys[i] == key) {
        return s;
      }
    }
    // a StringBuilder, not +: string concatenation is bootstrapped on first use, at start-up
    String s =
        new StringBuilder(15)
            .append(key >>> 24)
            .append('.')
            .append(key >>> 16 & 0xff)
            .append('.')
            .append(key >>> 8 & 0xff)
            .append('.')
            .append(key & 0xff)
            .toString();
    if (size < MAX) {
      put(key, s);
    }
    return s;
  }

  private void put(int key, String text) {
    if (++size * 2 > keys.length) {
      int[] oldKeys = keys;
      String[] oldTexts = texts;
      keys = new int[oldKeys.length * 2];
      texts = new String[oldKeys.length * 2];
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldTexts[i] != null) {
          insert(oldKeys[i], oldTexts[i]);
        }
      }
    }
    insert(key, text);
  }

  private void insert(int key, String text) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (texts[i] != null) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    texts[i] = text;
  }

  private static int slot(int key, int mask) {
    int h = key * 0x9E3779B9;
    return (h ^ h >>> 16) & mask;
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
