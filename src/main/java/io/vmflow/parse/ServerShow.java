package io.vmflow.parse;

import java.util.Map;

/**
 * {@code nova show} / {@code openstack server show}: one server's property table. A grep-cut output
 * may hold a single row, e.g. only {@code OS-EXT-SRV-ATTR:hypervisor_hostname}.
 *
 * @param id the server id; "" when the output did not show it (the caller knows it from the command
 *     line subject)
 * @param hypervisorHostname {@code OS-EXT-SRV-ATTR:hypervisor_hostname}; on FusionSphere the host
 *     id
 * @param host {@code OS-EXT-SRV-ATTR:host}
 * @param fields every property row, name -> value (wrapped values joined)
 */
public record ServerShow(
    String id,
    String name,
    String status,
    String hypervisorHostname,
    String host,
    String instanceName,
    Map<String, String> fields,
    int line)
    implements ParsedRecord {

  public ServerShow {
    fields = Map.copyOf(fields);
  }
}
