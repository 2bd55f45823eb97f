package io.vmflow.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code openstack network show} / {@code neutron net-show}: one network's segment and subnets.
 *
 * @param networkType {@code provider:network_type} ({@code vlan}, {@code vxlan}, {@code flat}), ""
 *     when hidden
 * @param segmentationId VLAN id or VNI, empty when hidden or none
 * @param fields every field as printed
 */
public record NetworkShow(
    String id,
    String name,
    String status,
    String networkType,
    String physicalNetwork,
    Optional<Integer> segmentationId,
    Optional<Integer> mtu,
    List<String> subnets,
    Map<String, String> fields,
    int line)
    implements ParsedRecord {

  public NetworkShow {
    subnets = List.copyOf(subnets);
    fields = Map.copyOf(fields);
  }
}
