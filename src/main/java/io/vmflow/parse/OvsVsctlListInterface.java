package io.vmflow.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code ovs-vsctl list interface}: each OVSDB Interface row's name, state and {@code statistics}
 * column.
 */
public record OvsVsctlListInterface(List<Interface> interfaces) implements ParsedRecord {

  public OvsVsctlListInterface {
    interfaces = List.copyOf(interfaces);
  }

  /**
   * One Interface row.
   *
   * @param type {@code ""} (a system device), {@code internal}, {@code patch}, {@code vxlan}, ...
   * @param linkState {@code up}, {@code down} or "" when unset
   * @param counters the statistics column, named as {@code ip -s link} names them ({@code
   *     rx_dropped}, {@code tx_dropped}, {@code rx_errors}, {@code rx_missed}, {@code rx_overrun},
   *     ...); each on the statistics line
   * @param line the row's {@code name} line
   */
  public record Interface(
      String name, String type, String linkState, List<Counter> counters, int line) {
    public Interface {
      Objects.requireNonNull(name);
      type = type == null ? "" : type;
      linkState = linkState == null ? "" : linkState;
      counters = List.copyOf(counters);
    }

    public Optional<Counter> counter(String name) {
      return Counter.find(counters, name);
    }
  }

  public Optional<Interface> iface(String name) {
    return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
