package io.vmflow.redact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every value vmflow masks with its masked form, in the JSON layout of {@code sos clean}'s mapping
 * file ({@code /etc/sos/cleaner/default_mapping}; sosreport/sos sos/cleaner/__init__.py {@code
 * compile_mapping_dict} at 5c7e63ee22a96435d16e07c1bcb53faa8020a498): one object per parser, {@code
 * hostname_map}, {@code ip_map}, {@code ipv6_map}, {@code keyword_map}, {@code mac_map}, {@code
 * username_map}, each {@code original → masked} ({@code ipv6_map} nests networks and hosts). vmflow
 * adds {@code vmflow_port_map} (port UUIDs and the 11-character device-name prefixes), which sos
 * ignores. A map read from sos is honoured entry by entry and extended, never renumbered.
 */
public final class RedactionMap {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  final Ipv4Map ipv4 = new Ipv4Map();
  final Ipv6Map ipv6 = new Ipv6Map();
  final MacMap macs = new MacMap();
  final HostnameMap hosts = new HostnameMap();
  final WordMaps words = new WordMaps();
  private final Map<String, String> usernames = new LinkedHashMap<>();
  private final Map<String, Object> otherSections = new LinkedHashMap<>();

  /** An empty map. */
  public RedactionMap() {}

  /** Reads a {@code sos clean} mapping file, or one vmflow wrote. */
  @SuppressWarnings("unchecked")
  public static RedactionMap read(Path file) throws IOException {
    Map<String, Object> all =
        JSON.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
    RedactionMap map = new RedactionMap();
    all.forEach(
        (section, value) -> {
          if (!(value instanceof Map<?, ?> m)) {
            map.otherSections.put(section, value);
            return;
          }
          switch (section) {
            case "ip_map" -> map.ipv4.load(strings(m));
            case "ipv6_map" -> map.ipv6.load((Map<String, Object>) m);
            case "mac_map" -> map.macs.load(strings(m));
            case "hostname_map" -> map.hosts.load(strings(m));
            case "keyword_map" -> map.words.loadKeywords(strings(m));
            case "username_map" -> map.usernames.putAll(strings(m));
            case "vmflow_port_map" -> map.words.loadPorts(strings(m));
            default -> map.otherSections.put(section, value);
          }
        });
    return map;
  }

  /** Writes the map in sos's layout (4-space indented JSON, as sos writes it). */
  public void write(Path file) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("hostname_map", hosts.section());
    all.put("ip_map", ipv4.section());
    all.put("ipv6_map", ipv6.section());
    all.put("keyword_map", words.keywords());
    all.put("mac_map", macs.section());
    all.put("username_map", usernames);
    all.putAll(otherSections);
    all.put("vmflow_port_map", words.portSection());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    StringBuilder out = new StringBuilder();
    writeJson(all, 0, out);
    Files.writeString(file, out.append('\n'));
  }

  // as Python's json.dumps(_map, indent=4), which sos writes: "key": value, four spaces a level
  private static void writeJson(Object value, int depth, StringBuilder out) {
    if (value instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.append("    ".repeat(depth + 1)).append(JSON.writeValueAsString(e.getKey().toString()));
        out.append(": ");
        writeJson(e.getValue(), depth + 1, out);
        out.append(++i < m.size() ? ",\n" : "\n");
      }
      out.append("    ".repeat(depth)).append('}');
    } else {
      out.append(JSON.writeValueAsString(value));
    }
  }

  /** Masks {@code keyword} everywhere, as sos's {@code --keywords}. */
  public String keyword(String keyword) {
    return words.keyword(keyword);
  }

  /** The masked form of an IPv4 or IPv6 address (registering it), the text itself otherwise. */
  public String ip(String address) {
    return address.contains(":") ? ipv6.address(address) : ipv4.address(address);
  }

  public String mac(String mac) {
    return macs.mac(mac);
  }

  public String host(String name) {
    return hosts.host(name);
  }

  /** The substitution of every value known now; values registered later need a new one. */
  Substitution substitution() {
    Substitution s = new Substitution();
    s.putAll(hosts.section(), Substitution.Kind.WORD);
    s.putAll(words.ports(), Substitution.Kind.WORD);
    s.putAll(words.keywords(), Substitution.Kind.WORD);
    s.putAll(usernames, Substitution.Kind.WORD);
    s.putAll(words.prefixes(), Substitution.Kind.DEVICE_SUFFIX);
    s.putAll(ipv4.substitutions(), Substitution.Kind.IPV4);
    s.putAll(ipv6.substitutions(), Substitution.Kind.HEX_COLON);
    macs.section()
        .forEach(
            (k, v) -> {
              s.put(k, v, Substitution.Kind.HEX_COLON);
              s.put(k.replace(':', '-'), v.replace(':', '-'), Substitution.Kind.HEX_COLON);
            });
    return s;
  }

  private static Map<String, String> strings(Map<?, ?> m) {
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            out.put(k.toString(), v.toString());
          }
        });
    return out;
  }
}
