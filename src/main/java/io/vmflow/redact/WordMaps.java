package io.vmflow.redact;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two maps of free words: keywords as {@code sos clean} masks them (sosreport/sos
 * sos/cleaner/mappings/keyword_map.py at 5c7e63ee22a96435d16e07c1bcb53faa8020a498: {@code
 * obfuscatedword0}, {@code obfuscatedword1}, ...), which vmflow also uses for VM, network, router
 * and project names; and vmflow's own port-id map: each port UUID (id or FusionSphere alias id)
 * becomes {@code NNNNNNNN-534f-4f53-8f53-NNNNNNNNNNNN} with a counter, so its first 11 characters
 * ({@code 00000001-53}) are unique and device names built on them ({@code tap00000001-53}) still
 * name the masked port.
 */
final class WordMaps {

  private static final Pattern WORD_N = Pattern.compile("obfuscatedword(\\d+)");
  private static final Pattern UUID =
      Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Map<String, String> keywords = new LinkedHashMap<>();
  private final Map<String, String> ports = new LinkedHashMap<>();
  private final Map<String, String> prefixes = new LinkedHashMap<>();
  private int words;
  private int portCount;

  void loadKeywords(Map<String, String> entries) {
    entries.forEach(
        (k, v) -> {
          keywords.put(k.toLowerCase(Locale.ROOT), v);
          Matcher m = WORD_N.matcher(v);
          if (m.matches()) {
            words = Math.max(words, Integer.parseInt(m.group(1)) + 1);
          }
        });
  }

  void loadPorts(Map<String, String> entries) {
    entries.forEach(
        (k, v) -> {
          String key = k.toLowerCase(Locale.ROOT);
          if (key.length() == 11) {
            prefixes.put(key, v);
          } else {
            ports.put(key, v);
            prefixes.putIfAbsent(key.substring(0, 11), v.substring(0, 11));
          }
          portCount = Math.max(portCount, (int) Long.parseLong(v.substring(0, 8), 16));
        });
  }

  String keyword(String word) {
    String key = word.toLowerCase(Locale.ROOT);
    if (keywords.containsValue(key)) {
      return word;
    }
    return keywords.computeIfAbsent(key, k -> "obfuscatedword" + words++);
  }

  /** The masked port UUID; its 11-character prefix is registered for device names. */
  String port(String uuid) {
    String key = uuid.toLowerCase(Locale.ROOT);
    String known = ports.get(key);
    if (known != null) {
      return known;
    }
    if (!UUID.matcher(key).matches() || ports.containsValue(key)) {
      return uuid;
    }
    String prefix = devicePrefix(key.substring(0, 11));
    int n = (int) Long.parseLong(prefix.substring(0, 8), 16);
    String out = String.format(Locale.ROOT, "%s4f-4f53-8f53-%012x", prefix, n);
    ports.put(key, out);
    return out;
  }

  /** The masked 11-character prefix a device name ends with ({@code 1c65142e-2a}). */
  String devicePrefix(String prefix) {
    String key = prefix.toLowerCase(Locale.ROOT);
    String known = prefixes.get(key);
    if (known != null) {
      return known;
    }
    if (key.endsWith("-53") && prefixes.containsValue(key)) {
      return key;
    }
    String out = String.format(Locale.ROOT, "%08x-53", ++portCount);
    prefixes.put(key, out);
    return out;
  }

  Map<String, String> keywords() {
    return keywords;
  }

  Map<String, String> ports() {
    return ports;
  }

  Map<String, String> prefixes() {
    return prefixes;
  }

  /** The port section vmflow writes beside sos's sections: full ids and lone prefixes. */
  Map<String, String> portSection() {
    Map<String, String> out = new LinkedHashMap<>(ports);
    prefixes.forEach(
        (k, v) -> {
          if (ports.keySet().stream().noneMatch(p -> p.startsWith(k))) {
            out.put(k, v);
          }
        });
    return out;
  }
}
