package io.vmflow.redact;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * IPv6 masking by {@code sos clean}'s rules (sosreport/sos sos/cleaner/mappings/ipv6_map.py at
 * 5c7e63ee22a96435d16e07c1bcb53faa8020a498): an address without prefix is taken as in its /64; a
 * global network gets the first hextet {@code 534f}, a unique-local or documentation one {@code
 * fd53}, a link-local one keeps {@code fe80::}; every other non-empty hextet of the network and of
 * the host part is replaced by a counter ({@code 0001}, {@code 0002}, ...), so compression and the
 * network/host split survive. {@code ::1}, {@code ::} and already masked addresses are kept. The
 * map is sos's {@code ipv6_map} section: {@code version} and {@code networks}, each with {@code
 * obfuscated} and {@code hosts}.
 */
final class Ipv6Map {

  private record Net(String original, String masked, int prefix, Map<String, String> hosts) {}

  private final Map<String, Net> networks = new LinkedHashMap<>();
  private final Map<String, String> literals = new LinkedHashMap<>();
  private int counter;

  @SuppressWarnings("unchecked")
  void load(Map<String, Object> section) {
    Object nets = section.get("networks");
    if (!(nets instanceof Map<?, ?> m)) {
      return;
    }
    m.forEach(
        (k, v) -> {
          if (!(v instanceof Map<?, ?> net) || !(net.get("obfuscated") instanceof String ob)) {
            return;
          }
          String[] kp = k.toString().split("/", 2);
          Map<String, String> hosts = new LinkedHashMap<>();
          if (net.get("hosts") instanceof Map<?, ?> h) {
            h.forEach((a, b) -> hosts.put(a.toString(), b.toString()));
          }
          int prefix = kp.length == 2 ? Integer.parseInt(kp[1]) : 64;
          networks.put(k.toString(), new Net(kp[0], ob.split("/", 2)[0], prefix, hosts));
          literals.put(kp[0], ob.split("/", 2)[0]);
          hosts.forEach(literals::put);
          counter = Math.max(counter, maxHextet(ob));
          hosts.values().forEach(x -> counter = Math.max(counter, maxHextet(x)));
        });
  }

  /** The masked form of {@code literal} (an address, maybe with {@code /prefix}). */
  String address(String literal) {
    String known = literals.get(literal.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    String[] p = literal.split("/", 2);
    Optional<byte[]> bytes = parse(p[0]);
    if (bytes.isEmpty()) {
      return literal;
    }
    String compressed = compress(bytes.get());
    int prefix = p.length == 2 && p[1].matches("\\d{1,3}") ? Integer.parseInt(p[1]) : 64;
    if (compressed.equals("::1")
        || compressed.equals("::")
        || compressed.startsWith("fd53:")
        || compressed.startsWith("534f:")
        || prefix > 128) {
      return literal;
    }
    byte[] netBytes = bytes.get().clone();
    for (int bit = prefix; bit < 128; bit++) {
      netBytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
    }
    String netAddr = compress(netBytes);
    Net net =
        networks.computeIfAbsent(
            netAddr + "/" + prefix,
            k -> new Net(netAddr, maskNetwork(netBytes, netAddr), prefix, new LinkedHashMap<>()));
    String out;
    if (compressed.equals(netAddr)) {
      out = net.masked();
    } else {
      out =
          net.hosts()
              .computeIfAbsent(
                  compressed,
                  c -> {
                    String n = netAddr.replaceAll(":+$", "");
                    String host =
                        c.substring(Math.min(n.length(), c.length())).replaceAll("^:+", "");
                    return net.masked() + hextets(host);
                  });
    }
    literals.put(p[0].toLowerCase(Locale.ROOT), out);
    return out;
  }

  private String maskNetwork(byte[] net, String netAddr) {
    int first = (net[0] & 0xff) << 8 | net[1] & 0xff;
    String rest = netAddr.substring(netAddr.indexOf(':') + 1);
    if ((first & 0xffc0) == 0xfe80) {
      return netAddr;
    }
    boolean documentation = first == 0x2001 && ((net[2] & 0xff) << 8 | net[3] & 0xff) == 0xdb8;
    if ((first & 0xfe00) == 0xfc00 || documentation) {
      return "fd53:" + hextets(rest);
    }
    if ((first & 0xe000) == 0x2000) {
      return "534f:" + hextets(rest);
    }
    return netAddr;
  }

  // every non-empty hextet replaced by the next counter value, separators kept (sos
  // generate_hextets): "db8:1:2::" -> "0001:0002:0003::"
  private String hextets(String s) {
    StringBuilder b = new StringBuilder();
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(':');
      }
      if (!parts[i].isEmpty()) {
        b.append(String.format(Locale.ROOT, "%04x", ++counter));
      }
    }
    return b.toString();
  }

  Map<String, String> substitutions() {
    return literals;
  }

  /** The {@code ipv6_map} section as sos writes it. */
  Map<String, Object> section() {
    Map<String, Object> nets = new LinkedHashMap<>();
    networks.forEach(
        (k, n) ->
            nets.put(
                n.original() + "/" + n.prefix(),
                Map.of("obfuscated", n.masked() + "/" + n.prefix(), "hosts", n.hosts())));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", 1);
    out.put("networks", nets);
    return out;
  }

  static Optional<byte[]> parse(String s) {
    if (!s.contains(":") || !s.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty();
    }
    try {
      byte[] b = InetAddress.getByName(s).getAddress();
      return b.length == 16 ? Optional.of(b) : Optional.empty();
    } catch (java.net.UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Python's {@code ipaddress} compressed form: lower case, the longest zero run (≥ 2) as ::. */
  static String compress(byte[] b) {
    int[] h = new int[8];
    for (int i = 0; i < 8; i++) {
      h[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && h[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append(i == 0 ? "::" : ":");
        i += bestLen - 1;
        continue;
      }
      s.append(Integer.toHexString(h[i]));
      if (i < 7) {
        s.append(':');
      }
    }
    return s.toString();
  }

  private static int maxHextet(String masked) {
    int max = 0;
    for (String h : masked.split("/", 2)[0].split(":")) {
      if (h.length() == 4 && !h.equals("534f") && !h.equals("fd53") && !h.equals("fe80")) {
        try {
          max = Math.max(max, Integer.parseInt(h, 16));
        } catch (NumberFormatException e) {
          // not a counter hextet
        }
      }
    }
    return max;
  }
}
