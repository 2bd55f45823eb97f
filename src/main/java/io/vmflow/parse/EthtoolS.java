package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code ethtool -S <nic>}: the counters a NIC's driver keeps, by the driver's own names ({@code
 * rx_queue_0_drops}, {@code rx_missed_errors}, {@code tx_timeout}).
 *
 * @param device the NIC, "" when only the file name says it (the fact's subject)
 */
public record EthtoolS(String device, List<Counter> counters) implements ParsedRecord {

  public EthtoolS {
    device = device == null ? "" : device;
    counters = List.copyOf(counters);
  }

  public Optional<Counter> counter(String name) {
    return Counter.find(counters, name);
  }

  /** Counters whose name says drops, misses or errors, with a value above zero. */
  public List<Counter> losses() {
    return counters.stream()
        .filter(c -> c.value() > 0 && c.name().matches(".*(drop|miss|err|discard|fifo).*"))
        .toList();
  }
}
