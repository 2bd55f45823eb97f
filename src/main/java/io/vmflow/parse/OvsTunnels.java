package io.vmflow.parse;

import java.util.List;

/** {@code ovs-appctl ofproto/list-tunnels}: tunnel ports with their local and remote endpoints. */
public record OvsTunnels(List<Tunnel> tunnels) implements ParsedRecord {

  public OvsTunnels {
    tunnels = List.copyOf(tunnels);
  }

  /** {@code port 7: vxlan-0a000085 (vxlan: 10.0.0.128->10.0.0.133, key=flow, ...)} */
  public record Tunnel(
      int port,
      String name,
      String type,
      String localIp,
      String remoteIp,
      String details,
      int line) {}
}
