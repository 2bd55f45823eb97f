package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;

/** {@code bridge fdb show}: the Linux bridges' and devices' forwarding entries. */
public record BridgeFdbShow(List<Entry> entries) implements ParsedRecord {

  public BridgeFdbShow {
    entries = List.copyOf(entries);
  }

  /**
   * @param master the bridge that learned the entry, "" for a device's own ({@code self}) entry
   * @param vlan -1 when none printed
   * @param dst VXLAN remote ({@code dst 10.6.1.235}), "" when none
   * @param permanence {@code permanent}, {@code static}, or "" for a learned (dynamic) entry
   * @param used {@code used}/{@code updated} seconds as printed with {@code -s} ({@code 23504/25}),
   *     "" without
   */
  public record Entry(
      MacAddress mac,
      String dev,
      String master,
      int vlan,
      String dst,
      boolean self,
      String permanence,
      String used,
      int line) {
    public boolean learned() {
      return permanence.isEmpty();
    }
  }

  /** Entries a bridge holds for {@code mac}. */
  public List<Entry> entriesFor(MacAddress mac) {
    return entries.stream().filter(e -> e.mac().equals(mac)).toList();
  }
}
