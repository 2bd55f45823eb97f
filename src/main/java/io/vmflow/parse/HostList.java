package io.vmflow.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FusionSphere {@code cps host-list}: hosts with their management IPs. Rows cut by {@code grep}
 * have no header; columns are then taken in the documented order.
 */
public record HostList(List<CpsHost> hosts) implements ParsedRecord {

  public HostList {
    hosts = List.copyOf(hosts);
  }

  /**
   * @param id the host id, which nova shows as {@code hypervisor_hostname} on FusionSphere
   * @param manageIp management-plane IP ({@code manageip})
   * @param omIp operations-and-maintenance IP ({@code omip})
   */
  public record CpsHost(
      String id,
      String hostname,
      String roles,
      String status,
      String manageIp,
      String omIp,
      Map<String, String> extra,
      int line) {
    public CpsHost {
      extra = Map.copyOf(extra);
    }
  }

  public Optional<CpsHost> host(String id) {
    return hosts.stream().filter(h -> h.id().equalsIgnoreCase(id)).findFirst();
  }
}
