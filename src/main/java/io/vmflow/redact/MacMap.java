package io.vmflow.redact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * MAC masking by {@code sos clean}'s rules (sosreport/sos sos/cleaner/mappings/mac_map.py at
 * 5c7e63ee22a96435d16e07c1bcb53faa8020a498): lower case, dashes as colons, {@code 53:4f:53} ("SOS")
 * plus a counter from 1 in three octets, written with sos's digit table {@code 0123456789abdcef}
 * (its c and d swapped, so the 12th MAC is {@code 53:4f:53:00:00:0d}); all-zero and broadcast MACs
 * kept. A loaded map's counters are skipped rather than reused.
 *
 * <p>vmflow's addition, to keep the tap/VM pairing readable: a tap's {@code fe:16:3e:xx:yy:zz} is
 * masked as {@code fe:} plus the last five octets of its VM's masked {@code fa:16:3e:xx:yy:zz}
 * ({@code fa:16:3e:29:fb:13 → 53:4f:53:00:00:01}, {@code fe:16:3e:29:fb:13 → fe:4f:53:00:00:01}):
 * the two still share their last five octets, as libvirt's tap and its VM do.
 */
final class MacMap {

  private static final String DIGITS = "0123456789abdcef";

  private final Map<String, String> section = new LinkedHashMap<>();
  private int counter;

  void load(Map<String, String> entries) {
    entries.forEach(
        (k, v) -> {
          section.put(normalise(k), v.toLowerCase(Locale.ROOT));
          if (v.toLowerCase(Locale.ROOT).matches("(53:4f:53|fe:4f:53):..:..:..")) {
            counter = Math.max(counter, decode(v.substring(9)));
          }
        });
  }

  /** The masked form of {@code mac}, registering it. */
  String mac(String mac) {
    String m = normalise(mac);
    String known = section.get(m);
    if (known != null) {
      return known;
    }
    if (m.equals("ff:ff:ff:ff:ff:ff")
        || m.equals("00:00:00:00:00:00")
        || m.startsWith("53:4f:53:")
        || m.startsWith("fe:4f:53:")
        || section.containsValue(m)) {
      return m;
    }
    String out;
    if (m.startsWith("fe:16:3e:")) {
      String vm = mac("fa" + m.substring(2));
      out = "fe" + vm.substring(2);
    } else {
      counter++;
      out =
          "53:4f:53:"
              + octet(counter >> 16)
              + ":"
              + octet(counter >> 8 & 255)
              + ":"
              + octet(counter & 255);
    }
    section.put(m, out);
    return out;
  }

  /** Original → masked, as sos's {@code mac_map} section and for the text substitution. */
  Map<String, String> section() {
    return section;
  }

  static String normalise(String mac) {
    return mac.trim().replace('-', ':').toLowerCase(Locale.ROOT);
  }

  private static String octet(int b) {
    return "" + DIGITS.charAt(b / 16 % 16) + DIGITS.charAt(b % 16);
  }

  private static int decode(String tail) {
    int v = 0;
    for (char c : tail.replace(":", "").toCharArray()) {
      v = v * 16 + Math.max(0, DIGITS.indexOf(c));
    }
    return v;
  }
}
