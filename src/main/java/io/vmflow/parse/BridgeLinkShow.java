package io.vmflow.parse;

import java.util.List;

/**
 * {@code bridge -d link show}: the ports of Linux bridges, one per member device. Recent sos
 * collects it instead of {@code brctl show}; membership reads the same ({@code master qbrXXX}).
 */
public record BridgeLinkShow(List<Port> ports) implements ParsedRecord {

  public BridgeLinkShow {
    ports = List.copyOf(ports);
  }

  /**
   * @param peer what follows {@code @} in the device name ({@code if16}), "" when none
   * @param state STP port state ({@code forwarding}, {@code disabled}, ...), "" when not printed
   */
  public record Port(
      int index,
      String name,
      String peer,
      List<String> flags,
      int mtu,
      String master,
      String state,
      int line) {
    public Port {
      flags = List.copyOf(flags);
    }

    /** The bridge device's own line ({@code 9: br-ens3: ... master br-ens3}) is no member. */
    public boolean isBridgeItself() {
      return name.equals(master);
    }
  }

  /** Member devices of {@code bridge}, in output order. */
  public List<Port> membersOf(String bridge) {
    return ports.stream().filter(p -> p.master().equals(bridge) && !p.isBridgeItself()).toList();
  }

  /** Bridges that have at least one member, in order of first appearance. */
  public List<String> bridges() {
    return ports.stream()
        .filter(p -> !p.master().isEmpty() && !p.isBridgeItself())
        .map(Port::master)
        .distinct()
        .toList();
  }
}
