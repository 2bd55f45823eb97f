package io.vmflow.redact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host name and domain masking by {@code sos clean}'s rules (sosreport/sos
 * sos/cleaner/mappings/hostname_map.py at 5c7e63ee22a96435d16e07c1bcb53faa8020a498): a short name
 * becomes {@code host0}, {@code host1}, ... (keyed lower-case); a domain becomes {@code
 * obfuscateddomain0.<tld>} (the top-level domain kept); an FQDN becomes {@code
 * hostN.obfuscateddomainM.<tld>}, upper case when it was, {@code unknown} for a host label of two
 * characters or fewer; {@code localhost}, {@code *localdomain*}, {@code www} and {@code api} kept.
 * Counters continue after a loaded map's highest, as sos's {@code set_initial_counts} does.
 */
final class HostnameMap {

  private static final Pattern COUNTED = Pattern.compile("(?:host|obfuscateddomain)(\\d+)");
  private static final Set<String> SKIPPED = Set.of("www", "api", "localhost");

  private final Map<String, String> section = new LinkedHashMap<>();
  // domain without its top-level label -> obfuscateddomainN
  private final Map<String, String> domains = new LinkedHashMap<>();
  private int hosts;
  private int domainCount;

  void load(Map<String, String> entries) {
    entries.forEach(
        (k, v) -> {
          String key = k.toLowerCase(Locale.ROOT);
          section.put(key, v);
          String[] kp = key.split("\\.");
          String[] vp = v.toLowerCase(Locale.ROOT).split("\\.");
          if (kp.length >= 2 && vp[0].startsWith("obfuscateddomain")) {
            domains.put(join(kp, 0, kp.length - 1), vp[0]);
          } else if (kp.length >= 3 && vp.length >= 3) {
            domains.putIfAbsent(join(kp, 1, kp.length - 1), join(vp, 1, vp.length - 1));
          }
          Matcher m = COUNTED.matcher(v.toLowerCase(Locale.ROOT));
          while (m.find()) {
            int n = Integer.parseInt(m.group(1)) + 1;
            if (m.group().startsWith("host")) {
              hosts = Math.max(hosts, n);
            } else {
              domainCount = Math.max(domainCount, n);
            }
          }
        });
  }

  /** The masked form of a short name or FQDN, registering it. */
  String host(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    String known = section.get(key);
    if (known != null) {
      return known;
    }
    if (isIgnored(key) || section.containsValue(name)) {
      return name;
    }
    String[] parts = key.split("\\.");
    if (parts.length == 1) {
      String out = "host" + hosts++;
      section.put(key, out);
      return out;
    }
    if (parts.length == 2) {
      return domain(name);
    }
    String shortName = parts[0].length() > 2 ? host(parts[0]) : "unknown";
    String dom = domain(name.substring(name.indexOf('.') + 1));
    String out = shortName + "." + dom;
    if (name.equals(name.toUpperCase(Locale.ROOT))) {
      out = out.toUpperCase(Locale.ROOT);
    }
    section.put(key, out);
    return out;
  }

  /** The masked form of a domain ({@code example.com → obfuscateddomain0.com}). */
  String domain(String domain) {
    String key = domain.toLowerCase(Locale.ROOT);
    if (isIgnored(key)) {
      return domain;
    }
    String[] parts = key.split("\\.");
    String tld = parts[parts.length - 1];
    String base = join(parts, 0, parts.length - 1);
    String masked = domains.computeIfAbsent(base, b -> "obfuscateddomain" + domainCount++);
    String out = masked + "." + tld;
    section.putIfAbsent(key, out);
    return out;
  }

  /** Known domains with their top-level label ({@code example.com}), for the FQDN recogniser. */
  Set<String> knownDomains() {
    Set<String> out = new java.util.LinkedHashSet<>();
    section.forEach(
        (k, v) -> {
          String[] kp = k.split("\\.");
          if (kp.length >= 2) {
            out.add(join(kp, kp.length >= 3 ? 1 : 0, kp.length));
          }
        });
    return out;
  }

  Map<String, String> section() {
    return section;
  }

  private static boolean isIgnored(String key) {
    return SKIPPED.contains(key) || key.contains("localdomain") || key.startsWith("com.");
  }

  private static String join(String[] parts, int from, int to) {
    return String.join(".", java.util.Arrays.copyOfRange(parts, from, to));
  }
}
