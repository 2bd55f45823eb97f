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
   * @param addresses {@code inet}/{@code inet6} addresses with prefix length, when {@code ip addr};
   *     the local end of a point-to-point address as a host address ({@code /32})
   * @param pointToPoint {@code inet A peer B/32} addresses: the remote end of each
   * @param tunnel {@code link/ipip A peer B}: a point-to-point tunnel's ends
   * @param counters the {@code RX:}/{@code TX:} statistics of {@code ip -s [-s] link}, one per
   *     column ({@code rx_dropped}, {@code tx_dropped}, {@code rx_missed}, ...); empty without
   *     {@code -s}
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
      int line,
      List<PointToPoint> pointToPoint,
      Optional<TunnelEnds> tunnel,
      List<Counter> counters) {
    public LinkDevice {
      flags = List.copyOf(flags);
      addresses = List.copyOf(addresses);
      pointToPoint = List.copyOf(pointToPoint);
      java.util.Objects.requireNonNull(tunnel);
      counters = counters == null ? List.of() : List.copyOf(counters);
    }

    /** The counter called {@code name} ({@code rx_dropped}), when {@code -s} printed it. */
    public Optional<Counter> counter(String name) {
      return Counter.find(counters, name);
    }

    /** Administratively up and not operationally down. */
    public boolean isUp() {
      return flags.contains("UP") && !state.equals("DOWN") && !state.equals("LOWERLAYERDOWN");
    }
  }

  /**
   * {@code inet 192.168.112.5 peer 192.168.122.6/32}
   *
   * @param local the device's own address, {@code /32} (or {@code /128})
   * @param peer the remote end with the prefix length {@code ip} prints
   */
  public record PointToPoint(String local, String peer) {}

  /**
   * {@code link/ipip 10.192.4.203 peer 10.188.61.108}: an IP-in-IP or GRE tunnel's outer addresses.
   *
   * @param type the link type ({@code ipip}, {@code gre}, {@code sit}, ...)
   */
  public record TunnelEnds(String type, String local, String remote) {}

  public Optional<LinkDevice> device(String name) {
    return devices.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
