package io.vmflow.redact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The values of a report.json that name the customer's cloud, by the field that holds them wherever
 * it sits in the tree, so a reshaped report still yields them: host names ({@code key}, {@code id},
 * {@code name} of a {@code hosts} entry or a {@code host} object, {@code hostPages}' keys, a string
 * {@code host}), VM, network, router and project names, port UUIDs ({@code portId}, {@code
 * aliasId}), networks ({@code cidrs}), addresses ({@code ips}) and MACs ({@code mac}). Values a
 * field does not name are left to the {@link Recognisers}.
 */
final class ReportFacts {

  private static final Set<String> NAME_FIELDS =
      Set.of("networkName", "projectName", "tenantName", "routerName", "vmName", "serverName");
  private static final Set<String> HOST_FIELDS = Set.of("hostname", "hostName", "hypervisor");

  final Set<String> hosts = new LinkedHashSet<>();
  final Set<String> names = new LinkedHashSet<>();
  final Set<String> ports = new LinkedHashSet<>();
  final Set<String> networks = new LinkedHashSet<>();
  final Set<String> ips = new LinkedHashSet<>();
  final Set<String> macs = new LinkedHashSet<>();

  /** Names left unmasked, with why. */
  final List<String> skipped = new ArrayList<>();

  // report.json's own property names: masking a name equal to one would break the report
  private final Set<String> fieldNames = new java.util.HashSet<>();

  static ReportFacts of(JsonNode report) {
    ReportFacts f = new ReportFacts();
    f.walk("", report);
    return f;
  }

  private void walk(String field, JsonNode node) {
    if (node.isArray()) {
      for (JsonNode e : node) {
        walk(field, e);
      }
      return;
    }
    if (node.isString()) {
      value(field, node.asString());
      return;
    }
    if (!node.isObject()) {
      return;
    }
    boolean hostObject = field.equals("hosts") || field.equals("host");
    boolean vmObject = field.equals("vms") || field.equals("routers") || field.equals("projects");
    boolean dataKeys = field.equals("hostPages") || field.equals("evidencePages");
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (field.equals("hostPages")) {
        name(hosts, key);
      }
      if (!dataKeys) {
        fieldNames.add(key.toLowerCase(java.util.Locale.ROOT));
      }
      if (v.isString() && hostObject && Set.of("key", "id", "name").contains(key)) {
        name(hosts, v.asString());
      } else if (v.isString() && vmObject && key.equals("name")) {
        name(names, v.asString());
      } else {
        walk(key, v);
      }
    }
  }

  private void value(String field, String v) {
    if (v.isBlank()) {
      return;
    }
    switch (field) {
      case "host" -> name(hosts, v);
      case "portId", "aliasId" -> ports.add(v);
      case "cidrs", "cidr" -> networks.add(v);
      case "ips", "ip", "ipAddress" -> ips.add(v);
      case "mac" -> macs.add(v);
      default -> {
        if (NAME_FIELDS.contains(field)) {
          name(names, v);
        } else if (HOST_FIELDS.contains(field)) {
          name(hosts, v);
        }
      }
    }
  }

  // a name of one or two characters, or without a letter, would mask ordinary words and figures
  private void name(Set<String> into, String v) {
    String t = v.trim();
    if (t.isEmpty() || into.contains(t)) {
      return;
    }
    if (t.length() < 3 || t.chars().noneMatch(Character::isLetter)) {
      skipped.add(t);
      return;
    }
    into.add(t);
  }

  /**
   * Registers the facts and the user's keywords: networks first, so addresses land in them; a name
   * equal to one of report.json's property names is left out (listed in {@link #skipped}).
   */
  void register(RedactionMap map, List<String> keywords) {
    networks.forEach(map.ipv4::network);
    ips.forEach(map::ip);
    hosts.stream().filter(this::isFree).forEach(map.hosts::host);
    ports.forEach(map.words::port);
    keywords.stream().filter(this::isFree).forEach(map.words::keyword);
    names.stream().filter(this::isFree).forEach(map.words::keyword);
    macs.forEach(map.macs::mac);
  }

  private boolean isFree(String name) {
    if (fieldNames.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      skipped.add(name);
      return false;
    }
    return true;
  }
}
