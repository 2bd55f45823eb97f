package io.vmflow.topology;

import java.util.List;

/**
 * A hypervisor or controller seen in the dump.
 *
 * @param key the identity the dump uses for it (prompt host, sos hostname, hypervisor id)
 * @param id hypervisor id when known (FusionSphere host id = nova {@code hypervisor_hostname})
 * @param name host name ({@code BC11HGSA0}), else the key
 * @param ips management and other IPs the dump gives for it
 */
public record Host(String key, String id, String name, List<String> ips, List<Evidence> evidence) {

  public Host {
    ips = List.copyOf(ips);
    evidence = List.copyOf(evidence);
  }
}
