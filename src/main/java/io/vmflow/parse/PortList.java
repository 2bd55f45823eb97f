package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code neutron port-list} / {@code openstack port list}: one row per port. */
public record PortList(List<PortRow> ports) implements ParsedRecord {

  public PortList {
    ports = List.copyOf(ports);
  }

  public record PortRow(
      String id,
      String name,
      Optional<MacAddress> mac,
      List<PortShow.FixedIp> fixedIps,
      String status,
      Map<String, String> extra,
      int line) {
    public PortRow {
      fixedIps = List.copyOf(fixedIps);
      extra = Map.copyOf(extra);
    }
  }
}
