package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/** {@code ip route show table all} (any table, IPv4 and IPv6): one row per route. */
public record IpRoute(List<Route> routes) implements ParsedRecord {

  public IpRoute {
    routes = List.copyOf(routes);
  }

  /**
   * @param type {@code unicast} unless the line names another ({@code local}, {@code broadcast},
   *     {@code multicast}, {@code unreachable}, ...)
   * @param destination {@code default} or a prefix as printed ({@code 192.168.21.0/24}, {@code
   *     127.0.0.1})
   * @param via the next hop, "" for a directly connected route
   * @param dev the output device, "" when none ({@code unreachable})
   * @param table {@code main} unless the line names another
   * @param src the preferred source address, "" when none
   */
  public record Route(
      String type,
      String destination,
      String via,
      String dev,
      String table,
      String proto,
      String scope,
      String src,
      int line) {

    public boolean isDefault() {
      return destination.equals("default")
          || destination.equals("0.0.0.0/0")
          || destination.equals("::/0");
    }
  }

  /** The unicast default route of table {@code table}, if any. */
  public Optional<Route> defaultRoute(String table) {
    return routes.stream()
        .filter(r -> r.type().equals("unicast") && r.isDefault() && r.table().equals(table))
        .findFirst();
  }
}
