package io.vmflow.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code /proc/net/dev}: the kernel's counters of each network device of one namespace. */
public record ProcNetDev(List<DeviceStats> devices) implements ParsedRecord {

  public ProcNetDev {
    devices = List.copyOf(devices);
  }

  /**
   * One device's row.
   *
   * @param counters {@code rx_bytes}, {@code rx_packets}, {@code rx_errors}, {@code rx_dropped},
   *     {@code rx_fifo}, {@code rx_frame}, ..., {@code tx_dropped}, {@code tx_carrier}, ...
   */
  public record DeviceStats(String name, List<Counter> counters, int line) {
    public DeviceStats {
      Objects.requireNonNull(name);
      counters = List.copyOf(counters);
    }

    public Optional<Counter> counter(String name) {
      return Counter.find(counters, name);
    }
  }

  public Optional<DeviceStats> device(String name) {
    return devices.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
