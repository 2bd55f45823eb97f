package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;
import java.util.Locale;

/**
 * A network namespace of a host, as the dump shows it ({@code ip netns} and the outputs taken
 * inside it), read for what neutron makes it: {@code qrouter-<router>} (legacy and DVR routers),
 * {@code snat-<router>} (DVR's central SNAT), {@code fip-<external network>} (DVR floating IPs),
 * {@code qdhcp-<network>}; any other namespace is shown, not interpreted.
 *
 * @param kind {@code QROUTER}, {@code SNAT}, {@code FIP}, {@code QDHCP} or {@code OTHER}
 * @param objectId the router or network id its name carries, "" for {@code OTHER}
 * @param ports its devices, with their br-int (or other OVS bridge) port where OVSDB shows one
 * @param routes its routes (every table), as printed
 * @param neighbours its ARP/NDP entries; empty when not in the dump ({@link #hasNeighbours})
 * @param nat its DNAT/SNAT rules (iptables-save -t nat)
 */
public record Namespace(
    String host,
    String name,
    String kind,
    String objectId,
    List<Port> ports,
    List<Route> routes,
    List<Neighbour> neighbours,
    List<Nat> nat,
    boolean hasAddresses,
    boolean hasRoutes,
    boolean hasNeighbours,
    boolean hasFirewall,
    List<Evidence> evidence) {

  public Namespace {
    ports = List.copyOf(ports);
    routes = List.copyOf(routes);
    neighbours = List.copyOf(neighbours);
    nat = List.copyOf(nat);
    evidence = List.copyOf(evidence);
  }

  /** The kind a namespace's name says it is. */
  static String kindOf(String name) {
    int dash = name.indexOf('-');
    String prefix = dash > 0 ? name.substring(0, dash).toUpperCase(Locale.ROOT) : "";
    return switch (prefix) {
      case "QROUTER", "SNAT", "FIP", "QDHCP" -> prefix;
      default -> "OTHER";
    };
  }

  /**
   * One device in the namespace.
   *
   * @param role {@code qr} (router interface), {@code qg} (external gateway), {@code sg} (DVR SNAT
   *     interface), {@code rfp}/{@code fpr} (router-to-FIP veth), {@code fg} (FIP gateway), {@code
   *     tap}/{@code ns} (DHCP), {@code ha}, {@code lo} or {@code other}
   * @param portId the 11-character port id prefix its name carries, "" when none
   * @param addresses {@code inet}/{@code inet6} addresses with prefix length
   * @param bridge the OVS bridge it is a port of, "" when none or unknown
   * @param vlan its access tag there, -1 when none or unknown
   */
  public record Port(
      String device,
      String role,
      String portId,
      boolean up,
      String state,
      String mac,
      int mtu,
      List<String> addresses,
      String bridge,
      String ofport,
      int vlan,
      Evidence evidence) {
    public Port {
      addresses = List.copyOf(addresses);
    }
  }

  /** A route: {@code default via 169.254.88.135 dev rfp-984c22fd-6 table 16}. */
  public record Route(
      String type, String destination, String via, String dev, String table, Evidence evidence) {

    public boolean isDefault() {
      return type.equals("unicast")
          && (destination.equals("default") || destination.equals("0.0.0.0/0"));
    }

    /** The route as a line of text. */
    public String text() {
      return (type.equals("unicast") ? "" : type + " ")
          + destination
          + (via.isEmpty() ? "" : " via " + via)
          + (dev.isEmpty() ? "" : " dev " + dev)
          + (table.equals("main") ? "" : " table " + table);
    }
  }

  /** An ARP/NDP entry: {@code mac} "" when unresolved. */
  public record Neighbour(String ip, String dev, String mac, String state, Evidence evidence) {}

  /**
   * A NAT rule: {@code DNAT} of {@code match} (the destination it matches) to {@code to}, or {@code
   * SNAT} of {@code match} (the source) to {@code to}.
   */
  public record Nat(String kind, String match, String to, Evidence evidence) {}
}
