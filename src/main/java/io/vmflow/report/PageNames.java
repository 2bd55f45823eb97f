package io.vmflow.report;

import java.util.Map;

/**
 * File names for generated pages. VM ids and host names come from untrusted dumps, so a name keeps
 * only safe characters and stays unique.
 */
final class PageNames {

  private PageNames() {}

  static String unique(String prefix, String key, Map<String, String> taken) {
    String safe = key.replaceAll("[^A-Za-z0-9._-]", "_");
    if (safe.length() > 80) {
      safe = safe.substring(0, 80);
    }
    String name = prefix + safe + ".html";
    int n = 2;
    while (taken.containsValue(name) && !key.equals(keyOf(taken, name))) {
      name = prefix + safe + "-" + n++ + ".html";
    }
    taken.put(key, name);
    return name;
  }

  private static String keyOf(Map<String, String> taken, String name) {
    return taken.entrySet().stream()
        .filter(e -> e.getValue().equals(name))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }
}
