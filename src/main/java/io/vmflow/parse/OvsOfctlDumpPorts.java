package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code ovs-ofctl dump-ports <bridge>}: what the switch counted on each OpenFlow port of one
 * bridge.
 *
 * @param bridge the bridge, "" when only the file name says it (the fact's subject)
 */
public record OvsOfctlDumpPorts(String bridge, List<PortStats> ports) implements ParsedRecord {

  public OvsOfctlDumpPorts {
    bridge = bridge == null ? "" : bridge;
    ports = List.copyOf(ports);
  }

  /**
   * One port's counters.
   *
   * @param port the OpenFlow port number ({@code 3}), {@code LOCAL}, or the port name when the
   *     output shows names ({@code "s1-eth2"}, quotes removed)
   * @param counters {@code rx_packets}, {@code rx_dropped}, {@code rx_errors}, {@code tx_dropped},
   *     ...; a counter the port does not support ({@code drop=?}) is absent
   */
  public record PortStats(String port, List<Counter> counters, int line) {
    public PortStats {
      counters = List.copyOf(counters);
    }

    public Optional<Counter> counter(String name) {
      return Counter.find(counters, name);
    }
  }

  public Optional<PortStats> port(String port) {
    return ports.stream().filter(p -> p.port().equals(port)).findFirst();
  }
}
