package io.vmflow.ingest;

import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises nova / neutron / openstack / cps tables by their header cells, and property tables
 * ({@code | Field | Value |}) by the property names they hold.
 */
final class TableHeaders {

  // "Fixed IP Addresses": [   /   "binding_host_id": "compute01",
  private static final Pattern JSON_KEY = Pattern.compile("\"([^\"]+)\"\\s*:");
  // binding_host_id="compute01"   (cliff's -f shell)
  private static final Pattern SHELL_KEY = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)=\"");

  private TableHeaders() {}

  static Optional<Spec> spec(List<String> head) {
    Optional<Spec> keyed = jsonOrShell(head);
    if (keyed.isPresent()) {
      return keyed;
    }
    for (String l : head) {
      String t = l.trim();
      if (!t.startsWith("|")) {
        continue;
      }
      List<String> cells = cells(t);
      if (cells.size() >= 2
          && (cells.get(0).equals("field") || cells.get(0).equals("property"))
          && cells.get(1).equals("value")) {
        return property(head, cells.get(0).equals("property"));
      }
      Optional<Spec> s = header(cells);
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  private static Optional<Spec> header(List<String> c) {
    // id | fixed_ip_address | floating_ip_address | port_id   /   ID | Floating IP Address | ...
    if (c.contains("floating_ip_address")) {
      return Optional.of(Spec.NEUTRON_FLOATINGIP_LIST);
    }
    if (c.contains("floating ip address")) {
      return Optional.of(Spec.OPENSTACK_FLOATING_IP_LIST);
    }
    if (c.containsAll(List.of("port state", "port id", "net id"))) {
      return Optional.of(Spec.NOVA_INTERFACE_LIST);
    }
    if (c.contains("task state") && c.contains("power state")) {
      return Optional.of(Spec.NOVA_LIST);
    }
    if (c.containsAll(List.of("id", "name", "status", "networks"))) {
      return Optional.of(Spec.OPENSTACK_SERVER_LIST);
    }
    if (c.contains("hostname") && c.contains("roles")) {
      return Optional.of(Spec.CPS_HOST_LIST);
    }
    if (c.contains("security_group") && c.contains("protocol/port")) {
      return Optional.of(Spec.NEUTRON_SECURITY_GROUP_RULE_LIST);
    }
    if (c.contains("ip protocol") && c.contains("ethertype")) {
      return Optional.of(Spec.OPENSTACK_SECURITY_GROUP_RULE_LIST);
    }
    if (c.contains("security_group_rules") && c.get(0).equals("id")) {
      return Optional.of(Spec.NEUTRON_SECURITY_GROUP_LIST);
    }
    // ID | Name | Description | Project [| Tags]
    if (c.size() >= 4 && c.subList(0, 4).equals(List.of("id", "name", "description", "project"))) {
      return Optional.of(Spec.OPENSTACK_SECURITY_GROUP_LIST);
    }
    if (c.contains("mac_address") && c.contains("fixed_ips")) {
      return Optional.of(Spec.NEUTRON_PORT_LIST);
    }
    if (c.contains("mac address") && c.contains("fixed ip addresses")) {
      return Optional.of(Spec.OPENSTACK_PORT_LIST);
    }
    if (c.contains("subnets") && c.get(0).equals("id")) {
      return Optional.of(
          c.contains("name") && !c.get(1).equals("name")
              ? Spec.OPENSTACK_NETWORK_LIST
              : Spec.NEUTRON_NET_LIST);
    }
    if (c.contains("cidr") && (c.contains("allocation_pools") || c.contains("network_id"))) {
      return Optional.of(Spec.NEUTRON_SUBNET_LIST);
    }
    if (c.contains("subnet") && c.contains("network")) {
      return Optional.of(Spec.OPENSTACK_SUBNET_LIST);
    }
    if (c.contains("external_gateway_info")) {
      return Optional.of(Spec.NEUTRON_ROUTER_LIST);
    }
    if (c.contains("state") && c.contains("distributed") && c.contains("ha")) {
      return Optional.of(Spec.OPENSTACK_ROUTER_LIST);
    }
    return Optional.empty();
  }

  /**
   * The openstack client's {@code -f json} (a list: its column names read like a table header; one
   * object: its field names like a show's) and {@code -f shell} ({@code binding_host_id="..."}).
   */
  private static Optional<Spec> jsonOrShell(List<String> head) {
    String first = head.get(0).trim();
    Pattern key =
        first.startsWith("[") || first.startsWith("{")
            ? JSON_KEY
            : SHELL_KEY.matcher(first).find() ? SHELL_KEY : null;
    if (key == null) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    for (String l : head) {
      Matcher m = key.matcher(l);
      while (m.find()) {
        keys.add(m.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return first.startsWith("[") ? header(keys) : byKeys(keys, false);
  }

  private static Optional<Spec> property(List<String> head, boolean novaStyle) {
    List<String> keys = new ArrayList<>();
    for (String l : head) {
      List<String> c = cells(l.trim());
      if (!c.isEmpty()) {
        keys.add(c.get(0));
      }
    }
    return byKeys(keys, novaStyle);
  }

  private static Optional<Spec> byKeys(List<String> keys, boolean novaStyle) {
    if (keys.stream()
        .anyMatch(k -> k.startsWith("os-ext-srv-attr") || k.startsWith("os_ext_srv_attr"))) {
      return Optional.of(novaStyle ? Spec.NOVA_SHOW : Spec.OPENSTACK_SERVER_SHOW);
    }
    if (keys.contains("mac_address")
        || keys.contains("alias_id")
        || keys.contains("binding:host_id")
        || keys.contains("binding_host_id")) {
      return Optional.of(
          keys.contains("binding_host_id") ? Spec.OPENSTACK_PORT_SHOW : Spec.NEUTRON_PORT_SHOW);
    }
    if (keys.contains("external_gateway_info")) {
      return Optional.of(
          keys.contains("interfaces_info") ? Spec.OPENSTACK_ROUTER_SHOW : Spec.NEUTRON_ROUTER_SHOW);
    }
    // neutron's client prints tenant_id beside project_id; the openstack client project_id only
    if (keys.contains("gateway_ip") && keys.contains("cidr")) {
      return Optional.of(
          keys.contains("tenant_id") ? Spec.NEUTRON_SUBNET_SHOW : Spec.OPENSTACK_SUBNET_SHOW);
    }
    if (keys.stream().anyMatch(k -> k.startsWith("provider:") || k.startsWith("provider_"))
        || keys.contains("subnets")) {
      return Optional.of(Spec.OPENSTACK_NETWORK_SHOW);
    }
    return Optional.empty();
  }

  private static List<String> cells(String line) {
    if (!line.startsWith("|")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String c : line.substring(1).split("\\|")) {
      out.add(c.trim().toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
