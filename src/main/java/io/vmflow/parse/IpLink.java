package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Optional;

/** {@code ip link} / {@code ip addr} in any of their forms: the host's network devices. */
public record IpLink(List<LinkDevice> devices) implements ParsedRecord {

  public IpLink {
    devices = List.copyOf(devices);
  }

  /**
   * @param peer what follows {@code @} in the name: a veth peer's name or {@code if43}, "" when
   *     none
   * @param master the bridge or OVS datapath the device is enslaved to, "" when none
   * @param state operational state ({@code UP}, {@code DOWN}, {@code UNKNOWN}, {@code
   *     LOWERLAYERDOWN})
   * @param kind link kind from {@code -d} ({@code veth}, {@code bridge}, {@code openvswitch},
   *     {@code vxlan}, ...), "" when not shown
   * @param addresses {@code inet}/{@code inet6} addresses with prefix length, when {@code ip addr}
   */
  public record LinkDevice(
      int index,
      String name,
      String peer,
      List<String> flags,
      int mtu,
      String master,
      String state,
      Optional<MacAddress> mac,
      String kind,
      List<String> addresses,
      int line) {
    public LinkDevice {
      flags = List.copyOf(flags);
      addresses = List.copyOf(addresses);
    }

    /** Administratively up and not operationally down. */
    public boolean isUp() {
      return flags.contains("UP") && !state.equals("DOWN") && !state.equals("LOWERLAYERDOWN");
    }
  }

  public Optional<LinkDevice> device(String name) {
    return devices.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
