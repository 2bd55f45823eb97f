package io.vmflow.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consistent masking map of the kind {@code sos clean} applies (sosreport/sos
 * sos/cleaner/mappings/mac_map.py, ip_map.py, hostname_map.py): every MAC becomes {@code 53:4f:53}
 * ("SOS") plus three octets, each MAC on its own, lower-case, except ff:ff:ff:ff:ff:ff and
 * 00:00:00:00:00:00; IPv4 networks become 100.0.0.0, 101.0.0.0, ... of the same size with hosts
 * numbered in order of appearance, except 127/8, 0/8, 1/8, 169.254/16, 255/8; short host names
 * become host0, host1, ... case-insensitively. sos picks the MAC octets at random; here they count
 * up, so runs are reproducible. Every address is treated as in a /24 (sos learns the prefix from
 * CIDR notations it meets first). IPv6 and domain names are left alone.
 */
final class SosCleanMask {

  // 4e:62:11:3f:ce:3a, also after "addr:" or "mac address='"; not inside an IPv6 address
  private static final Pattern MAC =
      Pattern.compile(
          "(?<![0-9a-fA-F]:|[0-9a-fA-F])(?:[0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}(?![0-9a-fA-F]|:[0-9a-fA-F])");
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");
  private static final Pattern IGNORED_IP =
      Pattern.compile("(127|0|1|255)\\..*|169\\.254\\..*|8\\.8\\.8\\.8|8\\.8\\.4\\.4");

  private final Map<String, String> macs = new LinkedHashMap<>();
  private final Map<String, String> networks = new LinkedHashMap<>();
  private final Map<String, String> ips = new LinkedHashMap<>();
  private final Map<String, String> hosts = new LinkedHashMap<>();

  SosCleanMask(List<String> hostNames) {
    hostNames.forEach(h -> hosts.put(h.toLowerCase(Locale.ROOT), "host" + hosts.size()));
  }

  String apply(String text) {
    String t = text;
    for (Map.Entry<String, String> h : hosts.entrySet()) {
      t =
          Pattern.compile("(?i)(?<![\\w-])" + Pattern.quote(h.getKey()) + "(?![\\w-])")
              .matcher(t)
              .replaceAll(h.getValue());
    }
    t = replace(MAC, t, this::mac);
    return replace(IPV4, t, this::ip);
  }

  String mac(String original) {
    String m = original.toLowerCase(Locale.ROOT);
    if (m.equals("ff:ff:ff:ff:ff:ff")
        || m.equals("00:00:00:00:00:00")
        || m.startsWith("53:4f:53:")) {
      return m;
    }
    return macs.computeIfAbsent(
        m,
        k -> String.format("53:4f:53:%02x:%02x:%02x", 0x10, macs.size() / 256, macs.size() % 256));
  }

  String ip(String original) {
    if (IGNORED_IP.matcher(original).matches() || original.startsWith("100.")) {
      return original;
    }
    return ips.computeIfAbsent(
        original,
        k -> {
          int last = k.lastIndexOf('.');
          String net =
              networks.computeIfAbsent(k.substring(0, last), n -> (100 + networks.size()) + ".0.0");
          String host = k.substring(last + 1);
          // the network and broadcast addresses stay what they are; hosts are numbered in order
          if (host.equals("0") || host.equals("255")) {
            return net + "." + host;
          }
          long taken = ips.values().stream().filter(v -> v.startsWith(net + ".")).count();
          return net + "." + (taken + 1);
        });
  }

  String host(String original) {
    return hosts.getOrDefault(original.toLowerCase(Locale.ROOT), original);
  }

  private static String replace(
      Pattern p, String text, java.util.function.UnaryOperator<String> f) {
    Matcher m = p.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }
}
