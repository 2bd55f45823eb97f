package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * A hypervisor or controller seen in the dump.
 *
 * @param key the identity the dump uses for it (prompt host, sos hostname, hypervisor id)
 * @param id hypervisor id when known (FusionSphere host id = nova {@code hypervisor_hostname})
 * @param name host name ({@code BC11HGSA0}), else the key
 * @param ips management and other IPs the dump gives for it
 * @param bridges Linux and OVS bridges seen on it
 * @param fdb every FDB entry of its OVS bridges
 * @param links network devices from {@code ip link}
 * @param coverage expected outputs: present, empty or missing
 * @param dropFlows OpenFlow rules that dropped packets, above their table's default
 */
public record Host(
    String key,
    String id,
    String name,
    List<String> ips,
    List<Bridge> bridges,
    List<FdbSighting> fdb,
    List<Link> links,
    List<Coverage> coverage,
    List<DropFlow> dropFlows,
    List<Evidence> evidence) {

  public Host {
    ips = List.copyOf(ips);
    bridges = List.copyOf(bridges);
    fdb = List.copyOf(fdb);
    links = List.copyOf(links);
    coverage = List.copyOf(coverage);
    dropFlows = dropFlows == null ? List.of() : List.copyOf(dropFlows);
    evidence = List.copyOf(evidence);
  }

  /** Whether an expected output is in the dump for this host, and what its absence prevents. */
  public record Coverage(String spec, String state, String prevents) {}

  public java.util.Optional<Link> link(String name) {
    return links.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  public java.util.Optional<Bridge> bridge(String name) {
    return bridges.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
