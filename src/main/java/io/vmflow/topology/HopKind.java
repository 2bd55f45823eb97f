package io.vmflow.topology;

/** What a device on a VM's path is. */
public enum HopKind {
  /** The VM's own NIC as libvirt/nova sees it. */
  VM,
  TAP,
  LINUX_BRIDGE,
  /** veth end on the Linux bridge: {@code qvb} (hybrid plug) or {@code qvm} (FusionSphere). */
  VETH_BRIDGE_SIDE,
  /** veth end on OVS: {@code qvo}. */
  VETH_OVS_SIDE,
  /** FusionSphere per-port OVS bridge {@code ply}. */
  PORT_BRIDGE,
  /**
   * Patch port on a per-port or integration bridge ({@code pvi}, {@code pvo}, {@code patch-tun}).
   */
  PATCH,
  INTEGRATION_BRIDGE,
  TUNNEL_BRIDGE,
  /** vxlan / gre / geneve port. */
  TUNNEL,
  PROVIDER_BRIDGE,
  PHYSICAL_NIC,
  /** The same device seen on a peer host: the path continues there. */
  REMOTE_HOST,
  /**
   * A port of a router, FIP or DHCP namespace ({@code qr-}, {@code qg-}, …) on a VM's routed path:
   * the ping stage's hop where the L3 path leaves the switches.
   */
  ROUTER_PORT;

  /** An OVS bridge itself, whose own netdev is only its LOCAL port. */
  public boolean isOvsBridge() {
    return switch (this) {
      case INTEGRATION_BRIDGE, TUNNEL_BRIDGE, PROVIDER_BRIDGE, PORT_BRIDGE -> true;
      default -> false;
    };
  }
}
