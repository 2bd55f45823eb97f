package io.vmflow.parse;

import java.util.List;

/**
 * A neutron DHCP agent's dnsmasq host file ({@code /var/lib/neutron/dhcp/<network id>/host}): the
 * fixed addresses the agent hands out on one network, by MAC.
 */
public record DhcpHosts(List<Entry> entries) implements ParsedRecord {

  public DhcpHosts {
    entries = List.copyOf(entries);
  }

  /**
   * @param mac lower-case, colon separated
   * @param ip the address, IPv6 without its brackets
   * @param tags {@code set:}/{@code tag:} words of the line ({@code set:port-<id>})
   */
  public record Entry(String mac, String hostname, String ip, List<String> tags, int line) {
    public Entry {
      tags = List.copyOf(tags);
    }
  }

  /** True when a line hands out {@code ip}. */
  public boolean hasAddress(String ip) {
    return entries.stream().anyMatch(e -> e.ip().equals(ip));
  }
}
