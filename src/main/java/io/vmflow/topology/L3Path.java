package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * The routed path of one VM port: VM, its gateway, the router's routes, the way out.
 *
 * @param subnet the VM address's subnet as {@code subnet-show} gives it, null when not in the dump
 */
public record L3Path(String vmId, String portId, List<L3Hop> hops, Subnet subnet) {

  public L3Path {
    hops = List.copyOf(hops);
  }

  public L3Path(String vmId, String portId, List<L3Hop> hops) {
    this(vmId, portId, hops, null);
  }

  /**
   * @param enableDhcp {@code true}, {@code false} or "" when not said
   * @param allocationPools {@code start-end} ranges
   */
  public record Subnet(
      String id,
      String cidr,
      String gatewayIp,
      String enableDhcp,
      List<String> allocationPools,
      Evidence evidence) {
    public Subnet {
      allocationPools = List.copyOf(allocationPools);
    }
  }
}
