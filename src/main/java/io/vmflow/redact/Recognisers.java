package io.vmflow.redact;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the values the report's facts did not name, in any text of the report, and registers them
 * in the map: IPv4 addresses and networks, IPv6 addresses, MACs, device names that end with a
 * port-id prefix, and FQDNs in a domain the map already masks. Like sos's parsers' {@code
 * regex_pattern}s, but stricter at the edges so version strings and times stay alone.
 */
final class Recognisers {

  // 10.0.0.17, 172.29.0.5/16; not inside 1.10.0.0.17 or a longer word
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\w.])((?:\\d{1,3}\\.){3}\\d{1,3})(?:/(\\d{1,2}))?(?![\\w]|\\.\\d)");
  // fa:16:3e:29:fb:13, FA-16-3E-29-FB-13, addr:4e:62:11:3f:ce:3a; not inside an IPv6 address
  private static final Pattern MAC =
      Pattern.compile(
          "(?<![\\w-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}(?![\\w:]|-\\w)");
  // fe80::f816:3eff:fe29:fb13, 2001:db8:0:1::5/64, full eight-group form
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?<![\\w:.])(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){7}"
              + "|(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?::(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)"
              + "(?:/\\d{1,3})?(?![\\w:.])");
  // tap1c65142e-2a, qvo1c65142e-2a, qr-9f1e2d3c-4b: the id part first (a character class scans
  // faster than an alternation), the device prefix before it checked by DEVICE_PREFIX
  private static final Pattern DEVICE =
      Pattern.compile("(?<![0-9A-Fa-f])([0-9A-Fa-f]{8}-[0-9A-Fa-f]{2})(?![\\w-])");
  // neutron and FusionSphere device name prefixes, at a word start
  private static final Pattern DEVICE_PREFIX =
      Pattern.compile(
          "(?i)(?:^|[^\\w])(?:tap|qbr|qvb|qvo|qvm|ply|pvi|pvo|qr-|qg-|ha-|sg-|fg-|fpr-|rfp-|ns-)$");

  private final RedactionMap map;
  private final Pattern fqdn;
  // one matcher per pattern, reset per line: a report has millions of lines
  private final Matcher ipv4 = IPV4.matcher("");
  private final Matcher mac = MAC.matcher("");
  private final Matcher ipv6 = IPV6.matcher("");
  private final Matcher device = DEVICE.matcher("");
  private Matcher fqdnMatcher;
  // distinct values in order of appearance, registered networks first (see register)
  private final Set<String> networks = new LinkedHashSet<>();
  private final Set<String> addresses = new LinkedHashSet<>();
  private final Set<String> macs = new LinkedHashSet<>();
  private final Set<String> devices = new LinkedHashSet<>();
  private final Set<String> names = new LinkedHashSet<>();

  /** Recognisers feeding {@code map}; FQDNs are recognised in the domains it holds now. */
  Recognisers(RedactionMap map) {
    this.map = map;
    Set<String> now = map.hosts.knownDomains();
    fqdn =
        now.isEmpty()
            ? null
            : Pattern.compile(
                "(?i)(?<![\\w.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:"
                    + now.stream().map(Pattern::quote).collect(Collectors.joining("|"))
                    + ")(?![\\w-])");
  }

  /** Collects every recognised value of {@code line}. */
  void scan(String line) {
    if (hasDigitDot(line)) {
      Matcher m = ipv4.reset(line);
      while (m.find()) {
        if (m.group(2) != null) {
          networks.add(m.group());
        }
        addresses.add(m.group(1));
      }
    }
    if (line.indexOf(':') >= 0 || line.indexOf('-') >= 0) {
      Matcher m = mac.reset(line);
      while (m.find()) {
        if (!Substitution.afterIpv6Group(line, m.start())) {
          macs.add(m.group());
        }
      }
    }
    if (line.contains("::") || line.indexOf(':') >= 0 && count(line, ':') >= 7) {
      Matcher m = ipv6.reset(line);
      while (m.find()) {
        addresses.add(m.group());
      }
    }
    if (line.indexOf('-') >= 0) {
      Matcher m = device.reset(line);
      while (m.find()) {
        String before = line.substring(Math.max(0, m.start() - 5), m.start());
        if (DEVICE_PREFIX.matcher(before).find()) {
          devices.add(m.group(1));
        }
      }
    }
    if (fqdn != null && line.indexOf('.') >= 0) {
      if (fqdnMatcher == null) {
        fqdnMatcher = fqdn.matcher("");
      }
      Matcher m = fqdnMatcher.reset(line);
      while (m.find()) {
        names.add(m.group());
      }
    }
  }

  /**
   * Registers what was collected: networks before addresses, so an address seen before its
   * network's CIDR still lands in that network.
   */
  void register() {
    networks.forEach(map.ipv4::network);
    addresses.forEach(map::ip);
    macs.forEach(map.macs::mac);
    devices.forEach(map.words::devicePrefix);
    names.forEach(map.hosts::host);
  }

  private static boolean hasDigitDot(String s) {
    for (int i = s.indexOf('.'); i > 0; i = s.indexOf('.', i + 1)) {
      if (Character.isDigit(s.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      n += s.charAt(i) == c ? 1 : 0;
    }
    return n;
  }
}
