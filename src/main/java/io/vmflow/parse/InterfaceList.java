package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Optional;

/** {@code nova interface-list <server>}: the server's ports. */
public record InterfaceList(String serverId, List<VmInterface> interfaces) implements ParsedRecord {

  public InterfaceList {
    interfaces = List.copyOf(interfaces);
  }

  public record VmInterface(
      String portState,
      String portId,
      String netId,
      List<String> ips,
      Optional<MacAddress> mac,
      int line) {
    public VmInterface {
      ips = List.copyOf(ips);
    }
  }
}
