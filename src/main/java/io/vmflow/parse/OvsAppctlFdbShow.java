package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import java.util.List;

/**
 * {@code ovs-appctl fdb/show <bridge>}: MACs the bridge learned, by OpenFlow port and VLAN.
 *
 * @param bridge from the command line subject, "" when unknown
 */
public record OvsAppctlFdbShow(String bridge, List<FdbEntry> entries) implements ParsedRecord {

  public OvsAppctlFdbShow {
    entries = List.copyOf(entries);
  }

  /**
   * {@code 71 15 fa:16:3e:29:fb:13 0}
   *
   * @param port the OpenFlow port number or name as printed ({@code 71}, {@code LOCAL})
   * @param bridge the {@code Bridge} column when several bridges are shown, else the outer bridge
   * @param age seconds as printed, or {@code static}
   */
  public record FdbEntry(
      String bridge, String port, int vlan, MacAddress mac, String age, int line) {}

  public List<FdbEntry> entriesFor(MacAddress mac) {
    return entries.stream().filter(e -> e.mac().equals(mac)).toList();
  }
}
