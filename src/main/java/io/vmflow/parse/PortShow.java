package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code neutron port-show} / {@code openstack port show}: one port's property table.
 *
 * @param aliasId FusionSphere's {@code alias_id} with any {@code cell1:} prefix removed, "" when
 *     absent; device names derive from it instead of the port id
 * @param adminStateUp empty when the output did not show it
 * @param fields every property row, name -> value
 */
public record PortShow(
    String id,
    String name,
    String aliasId,
    Optional<MacAddress> mac,
    String networkId,
    List<FixedIp> fixedIps,
    String status,
    Optional<Boolean> adminStateUp,
    String deviceId,
    String deviceOwner,
    String bindingHostId,
    Map<String, String> fields,
    int line)
    implements ParsedRecord {

  public PortShow {
    fixedIps = List.copyOf(fixedIps);
    fields = Map.copyOf(fields);
  }

  /** One fixed IP: {@code {"subnet_id": "...", "ip_address": "10.0.0.17"}}. */
  public record FixedIp(String subnetId, String ipAddress) {}
}
