package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * One of a VM's ports with its path on the host.
 *
 * @param aliasId FusionSphere alias id, "" when none; device names derive from it when present
 * @param deviceId the 11-character id part the device names use ({@code 1c65142e-2a})
 * @param networkName "" when unknown
 * @param cidrs the network's subnets' CIDRs
 * @param hops the path in order, VM side first
 * @param macs the port's MAC as each source that lists it gives it
 */
public record VmPort(
    String portId,
    String aliasId,
    String deviceId,
    String mac,
    List<String> ips,
    String networkId,
    String networkName,
    List<String> cidrs,
    String status,
    List<Hop> hops,
    List<MacSighting> macs,
    List<Evidence> evidence) {

  public VmPort {
    ips = List.copyOf(ips);
    cidrs = List.copyOf(cidrs);
    hops = List.copyOf(hops);
    macs = List.copyOf(macs);
    evidence = List.copyOf(evidence);
  }
}
