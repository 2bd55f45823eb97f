package io.vmflow.parse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ovs-vsctl show}: the OVSDB's bridges, ports and interfaces. A grep-cut output ({@code
 * |grep 1c65 -C 5}) holds fragments; ports seen before any {@code Bridge} line go to a bridge named
 * "".
 */
public record OvsVsctlShow(String uuid, String ovsVersion, List<OvsBridge> bridges)
    implements ParsedRecord {

  public OvsVsctlShow {
    bridges = List.copyOf(bridges);
  }

  public record OvsBridge(
      String name,
      String datapathType,
      String failMode,
      List<String> controllers,
      List<OvsPort> ports,
      int line) {
    public OvsBridge {
      controllers = List.copyOf(controllers);
      ports = List.copyOf(ports);
    }

    public Optional<OvsPort> port(String name) {
      return ports.stream().filter(p -> p.name().equals(name)).findFirst();
    }
  }

  /**
   * @param tag access VLAN tag, -1 when the port has none
   * @param trunks trunk VLANs, empty when none
   */
  public record OvsPort(
      String name, int tag, List<Integer> trunks, List<OvsInterface> interfaces, int line) {
    public OvsPort {
      trunks = List.copyOf(trunks);
      interfaces = List.copyOf(interfaces);
    }

    public boolean hasTag() {
      return tag >= 0;
    }
  }

  /**
   * @param type {@code patch}, {@code vxlan}, {@code internal}, ... ; "" for a system interface
   * @param options {@code options: {peer="pvo1c65142e-2a"}} as key -> unquoted value
   * @param error the {@code error:} line's text, "" when none
   */
  public record OvsInterface(
      String name, String type, Map<String, String> options, String error, int line) {
    public OvsInterface {
      options = Map.copyOf(options);
    }

    /** Patch peer, "" when not a patch port. */
    public String peer() {
      return options.getOrDefault("peer", "");
    }

    /** Tunnel remote, "" when not a tunnel. */
    public String remoteIp() {
      return options.getOrDefault("remote_ip", "");
    }
  }

  public Optional<OvsBridge> bridge(String name) {
    return bridges.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The bridge holding port {@code name}, with the port. */
  public Optional<Map.Entry<OvsBridge, OvsPort>> findPort(String name) {
    for (OvsBridge b : bridges) {
      Optional<OvsPort> p = b.port(name);
      if (p.isPresent()) {
        return Optional.of(Map.entry(b, p.get()));
      }
    }
    return Optional.empty();
  }
}
