package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;
import java.util.Optional;

/** {@code ip neigh show} / {@code ip -s -s neigh show}: the ARP and NDP tables. */
public record IpNeigh(List<Neighbour> neighbours) implements ParsedRecord {

  public IpNeigh {
    neighbours = List.copyOf(neighbours);
  }

  /**
   * @param mac the link-layer address, empty when unresolved ({@code INCOMPLETE}, {@code FAILED})
   * @param state the NUD state as printed ({@code REACHABLE}, {@code STALE}, {@code PERMANENT},
   *     {@code FAILED}, {@code INCOMPLETE}, ...), "" when none is printed
   */
  public record Neighbour(
      String ip, String dev, Optional<MacAddress> mac, String state, boolean router, int line) {

    /** The kernel could not resolve the address: its packets to it go nowhere. */
    public boolean unresolved() {
      return state.equals("FAILED") || state.equals("INCOMPLETE") || mac.isEmpty();
    }
  }

  /** Entries for {@code ip}, on any device. */
  public List<Neighbour> of(String ip) {
    return neighbours.stream().filter(n -> n.ip().equalsIgnoreCase(ip)).toList();
  }
}
