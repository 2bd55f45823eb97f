package io.vmflow.redact;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IPv4 masking by {@code sos clean}'s rules (sosreport/sos sos/cleaner/mappings/ip_map.py at
 * 5c7e63ee22a96435d16e07c1bcb53faa8020a498): a network becomes {@code 100.0.0.0}, {@code
 * 101.0.0.0}, ... with its own prefix length; an address in a known network becomes the next free
 * host of the masked network (the broadcast address stays the broadcast address); loopback, {@code
 * 0/8}, {@code 1/8}, link-local, {@code 255.*} and Google's resolvers are kept. Two deliberate
 * differences: an address in no known network is taken to be in its /24 (sos gives it a lone {@code
 * 172.17.x.y}, which would split a subnet), and a loaded map's networks are reused and its first
 * octets skipped (sos restarts at 100 and can hand out a used network twice).
 */
final class Ipv4Map {

  // sos ip_map.ignore_matches, anchored at the start as re.match does
  private static final Pattern IGNORED =
      Pattern.compile("(127.*|0\\..*|1\\..*|8.8.8.8|8.8.4.4|169.254.*|255.*)");
  private static final Set<Integer> SKIPPED_FIRST_OCTETS = Set.of(127, 169, 172, 192);

  private record Net(long base, int prefix, long masked, long[] next) {
    boolean contains(long ip) {
      return (ip & mask(prefix)) == base;
    }

    long broadcast() {
      return base | ~mask(prefix) & 0xffffffffL;
    }
  }

  private final Map<String, String> section = new LinkedHashMap<>();
  private final Map<String, String> addresses = new LinkedHashMap<>();
  private final List<Net> networks = new ArrayList<>();
  private final Set<Long> used = new HashSet<>();
  private int firstOctet = 100;

  /** Loads a {@code sos clean} {@code ip_map} section. */
  void load(Map<String, String> entries) {
    entries.forEach(
        (k, v) -> {
          section.put(k, v);
          String plainValue = v.split("/", 2)[0];
          parse(plainValue).ifPresent(used::add);
          String[] kp = k.split("/", 2);
          Optional<Long> key = parse(kp[0]);
          if (key.isEmpty()) {
            return;
          }
          Optional<Long> value = parse(plainValue);
          if (kp.length == 2 && value.isPresent() && isNetwork(key.get(), kp[1])) {
            int prefix = Integer.parseInt(kp[1]);
            // sos itself maps a network's CIDR to its first host (10.0.0.0/24 -> 101.0.0.1/24)
            long masked = value.get() & mask(prefix);
            firstOctet = Math.max(firstOctet, (int) (masked >> 24) + 1);
            networks.add(new Net(key.get(), prefix, masked, new long[] {0}));
            used.add(masked);
          }
          addresses.putIfAbsent(kp[0], plainValue);
        });
  }

  /** Registers {@code cidr} ({@code 10.0.0.0/24}, host bits allowed) as a network. */
  void network(String cidr) {
    String[] p = cidr.split("/", 2);
    Optional<Long> ip = parse(p[0]);
    if (ip.isEmpty() || p.length < 2 || !p[1].matches("\\d{1,2}") || isIgnored(p[0])) {
      return;
    }
    int prefix = Integer.parseInt(p[1]);
    if (prefix < 8 || prefix > 30) {
      return;
    }
    long base = ip.get() & mask(prefix);
    netOf(base, prefix);
    if (ip.get() != base) {
      section.put(cidr, address(p[0]) + "/" + prefix);
    }
  }

  /** The masked address of {@code ip}, registering it; the address itself when kept. */
  String address(String ip) {
    String known = addresses.get(ip);
    if (known != null) {
      return known;
    }
    Optional<Long> value = parse(ip);
    if (value.isEmpty() || isIgnored(ip) || used.contains(value.get())) {
      return ip;
    }
    long v = value.get();
    Net net =
        networks.stream()
            .filter(n -> n.contains(v))
            .max(java.util.Comparator.comparingInt(Net::prefix))
            .orElseGet(() -> netOf(v & mask(24), 24));
    long masked;
    if (v == net.base()) {
      masked = net.masked();
    } else if (v == net.broadcast()) {
      masked = net.masked() | ~mask(net.prefix()) & 0xffffffffL;
    } else {
      masked = nextHost(net);
    }
    String out = format(masked);
    addresses.put(ip, out);
    section.put(ip, out);
    used.add(masked);
    return out;
  }

  private long nextHost(Net net) {
    long size = 1L << (32 - net.prefix());
    for (long h = Math.max(1, net.next()[0] + 1); h < size - 1; h++) {
      long candidate = net.masked() + h;
      if (!used.contains(candidate)) {
        net.next()[0] = h;
        return candidate;
      }
    }
    throw new IllegalStateException("masked network full: " + format(net.masked()));
  }

  private Net netOf(long base, int prefix) {
    for (Net n : networks) {
      if (n.base() == base && n.prefix() == prefix) {
        return n;
      }
    }
    while (SKIPPED_FIRST_OCTETS.contains(firstOctet)) {
      firstOctet++;
    }
    Net net = new Net(base, prefix, (long) firstOctet++ << 24, new long[] {0});
    networks.add(net);
    used.add(net.masked());
    section.put(format(base) + "/" + prefix, format(net.masked()) + "/" + prefix);
    addresses.put(format(base), format(net.masked()));
    return net;
  }

  /** Original → masked, for the text substitution (addresses without prefix lengths). */
  Map<String, String> substitutions() {
    return addresses;
  }

  /** The {@code ip_map} section as sos writes it. */
  Map<String, String> section() {
    return section;
  }

  static boolean isIgnored(String ip) {
    return IGNORED.matcher(ip).lookingAt();
  }

  private static boolean isNetwork(long ip, String prefix) {
    if (!prefix.matches("\\d{1,2}")) {
      return false;
    }
    int p = Integer.parseInt(prefix);
    return p <= 32 && (ip & mask(p)) == ip;
  }

  static Optional<Long> parse(String s) {
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return Optional.empty();
    }
    long v = 0;
    for (String o : p) {
      if (!o.matches("\\d{1,3}") || Integer.parseInt(o) > 255) {
        return Optional.empty();
      }
      v = v << 8 | Integer.parseInt(o);
    }
    return Optional.of(v);
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : 0xffffffffL << (32 - prefix) & 0xffffffffL;
  }

  static String format(long v) {
    return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
  }
}
