package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/** {@code brctl show}: Linux bridges and the interfaces enslaved to them. */
public record BrctlShow(List<LinuxBridge> bridges) implements ParsedRecord {

  public BrctlShow {
    bridges = List.copyOf(bridges);
  }

  /**
   * @param id bridge id as printed ({@code 8000.4e62113fce3a}), "" when cut off
   * @param stp whether STP is enabled ({@code yes})
   */
  public record LinuxBridge(
      String name, String id, boolean stp, List<String> interfaces, int line) {
    public LinuxBridge {
      interfaces = List.copyOf(interfaces);
    }
  }

  public Optional<LinuxBridge> bridge(String name) {
    return bridges.stream().filter(b -> b.name().equals(name)).findFirst();
  }

  /** The bridge {@code iface} is a member of. */
  public Optional<LinuxBridge> bridgeOf(String iface) {
    return bridges.stream().filter(b -> b.interfaces().contains(iface)).findFirst();
  }
}
