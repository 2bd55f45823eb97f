package io.vmflow.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One cumulative interface counter as a command printed it: {@code rx_dropped} 1394875 on line 12.
 * Names are the direction and the column the command prints, lower case ({@code rx_packets}, {@code
 * rx_errors}, {@code rx_dropped}, {@code rx_missed}, {@code rx_overrun}, {@code tx_dropped}, {@code
 * tx_carrier}, ...), so {@code ip -s link} and {@code ovs-ofctl dump-ports} readings compare.
 *
 * @param line the line the value is on, for evidence
 */
public record Counter(String name, long value, int line) {

  public Counter {
    Objects.requireNonNull(name);
  }

  /** The counter called {@code name} in {@code counters}. */
  public static Optional<Counter> find(List<Counter> counters, String name) {
    return counters.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
