package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code neutron subnet-show} / {@code openstack subnet show}: one subnet's gateway, DHCP and
 * allocation pools.
 *
 * @param gatewayIp "" when the subnet has none
 * @param enableDhcp empty when the output does not say
 * @param allocationPools {@code start-end} ranges ({@code 10.0.0.2-10.0.0.254})
 */
public record SubnetShow(
    String id,
    String name,
    String networkId,
    String cidr,
    String gatewayIp,
    Optional<Boolean> enableDhcp,
    List<String> allocationPools,
    int line)
    implements ParsedRecord {

  public SubnetShow {
    allocationPools = List.copyOf(allocationPools);
  }
}
