package io.vmflow.parse.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values inside table cells: IP addresses, UUIDs, booleans, fixed-ip objects. */
public final class Cells {

  // 10.0.0.17, fd00::1, ::7f00:0:4 (a v6 needs at least two colons and no letters beyond hex)
  private static final Pattern IPV4 =
      Pattern.compile("(?<![\\d.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![\\d.])(?!/)");
  private static final Pattern IPV6 =
      Pattern.compile(
          "(?<![0-9a-fA-F:])((?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4})(?![0-9a-fA-F:])(?!/)");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  // {"subnet_id": "0d67...", "ip_address": "10.0.0.17"}  or python repr {'subnet_id': '...', ...}
  private static final Pattern FIXED_IP =
      Pattern.compile(
          "[\"']subnet_id[\"']\\s*:\\s*[\"'](?<s>[^\"']*)[\"']\\s*,\\s*[\"']ip_address[\"']\\s*:\\s*[\"'](?<ip>[^\"']*)[\"']");
  // ip_address='10.0.0.17', subnet_id='0d67...'   (openstack client form)
  private static final Pattern FIXED_IP_OSC =
      Pattern.compile("ip_address\\s*=\\s*'(?<ip>[^']*)'\\s*,\\s*subnet_id\\s*=\\s*'(?<s>[^']*)'");

  private Cells() {}

  /** Every IPv4 and IPv6 address in {@code text}, in order (MACs and CIDRs are not addresses). */
  public static List<String> ips(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = IPV4.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    String noMacs = text.replaceAll("(?i)\\b[0-9a-f]{2}(:[0-9a-f]{2}){5}\\b", " ");
    Matcher v6 = IPV6.matcher(noMacs);
    while (v6.find()) {
      String c = v6.group(1);
      if (c.contains("::") || c.chars().filter(ch -> ch == ':').count() == 7) {
        out.add(c.toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  public static List<String> uuids(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = UUID.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  public static boolean isUuid(String text) {
    return UUID.matcher(text.trim()).matches();
  }

  /** {@code True}/{@code False}/{@code true}/{@code UP}/{@code DOWN}; empty when unclear. */
  public static Optional<Boolean> bool(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "yes", "up", "1" -> Optional.of(true);
      case "false", "no", "down", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** Fixed IPs as (subnet id, ip) pairs, from JSON, python-repr or openstack-client text. */
  public static List<String[]> fixedIps(String text) {
    List<String[]> out = new ArrayList<>();
    Matcher m = FIXED_IP.matcher(text);
    while (m.find()) {
      out.add(new String[] {m.group("s"), m.group("ip")});
    }
    if (out.isEmpty()) {
      Matcher o = FIXED_IP_OSC.matcher(text);
      while (o.find()) {
        out.add(new String[] {o.group("s"), o.group("ip")});
      }
    }
    return out;
  }
}
