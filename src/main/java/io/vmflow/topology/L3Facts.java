package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.model.OpenstackId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the dump says about networks beyond their namespaces: each network's MTU and external flag
 * ({@code net-show}), the DHCP agents' host files, the floating IPs, and which hosts' {@code ip
 * netns} is in the dump (so that a namespace's absence there means something).
 *
 * @param netnsListings host key to the origin of its {@code ip netns} output
 */
public record L3Facts(
    List<Network> networks,
    List<DhcpHostFile> dhcpHosts,
    List<FloatingIp> floatingIps,
    Map<String, String> netnsListings) {

  public static final L3Facts EMPTY = new L3Facts(List.of(), List.of(), List.of(), Map.of());

  public L3Facts {
    networks = networks == null ? List.of() : List.copyOf(networks);
    dhcpHosts = dhcpHosts == null ? List.of() : List.copyOf(dhcpHosts);
    floatingIps = floatingIps == null ? List.of() : List.copyOf(floatingIps);
    netnsListings = netnsListings == null ? Map.of() : Map.copyOf(netnsListings);
  }

  /**
   * A network as {@code net-show} prints it.
   *
   * @param mtu -1 when not printed
   * @param external {@code router:external}: {@code true}, {@code false}, "" when not printed
   */
  public record Network(String id, String name, int mtu, String external, Evidence evidence) {}

  /**
   * One DHCP agent host file: {@code /var/lib/neutron/dhcp/<network>/host} of {@code host}.
   *
   * @param evidence the file (line 1)
   */
  public record DhcpHostFile(
      String host, String networkId, List<Entry> entries, Evidence evidence) {
    public DhcpHostFile {
      entries = List.copyOf(entries);
    }

    /** One line: the address handed out to a MAC. */
    public record Entry(String mac, String ip, Evidence evidence) {}
  }

  /**
   * A floating IP and the fixed address it maps to ("" when not associated).
   *
   * @param networkId its external network, "" when not printed
   */
  public record FloatingIp(
      String floatingIp, String fixedIp, String portId, String networkId, Evidence evidence) {}

  public Optional<Network> network(String id) {
    String key = OpenstackId.key(id);
    return networks.stream().filter(n -> OpenstackId.key(n.id()).equals(key)).findFirst();
  }

  /** The DHCP host files of network {@code id}, on any host. */
  public List<DhcpHostFile> dhcpHostsOf(String id) {
    String key = OpenstackId.key(id);
    return dhcpHosts.stream().filter(d -> OpenstackId.key(d.networkId()).equals(key)).toList();
  }

  /** True when host {@code key}'s {@code ip netns} is in the dump. */
  public boolean hasNetnsListing(String key) {
    return netnsListings.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(key));
  }

  /** The origin of host {@code key}'s {@code ip netns}, "" when not in the dump. */
  public String netnsListing(String key) {
    return netnsListings.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(key))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
  }
}
