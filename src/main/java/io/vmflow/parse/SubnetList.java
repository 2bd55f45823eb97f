package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/** {@code neutron subnet-list} / {@code openstack subnet list}: one row per subnet. */
public record SubnetList(List<Subnet> subnets) implements ParsedRecord {

  public SubnetList {
    subnets = List.copyOf(subnets);
  }

  /**
   * @param networkId "" in neutron's default columns, which leave it out
   * @param allocationPools the cell as printed ({@code {"start": "10.6.40.2", "end":
   *     "10.6.43.254"}}), "" when absent
   */
  public record Subnet(
      String id, String name, String networkId, String cidr, String allocationPools, int line) {}

  public Optional<Subnet> subnet(String id) {
    return subnets.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
  }
}
