package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code neutron net-list} / {@code openstack network list}: networks and their subnets ({@code
 * <subnet-id> <cidr>} in neutron's form, subnet ids only in openstack's).
 */
public record NetworkList(List<Network> networks) implements ParsedRecord {

  public NetworkList {
    networks = List.copyOf(networks);
  }

  public record Network(String id, String name, List<SubnetRef> subnets, int line) {
    public Network {
      subnets = List.copyOf(subnets);
    }
  }

  /**
   * @param cidr "" when the output lists the subnet id alone
   */
  public record SubnetRef(String id, String cidr) {}

  public Optional<Network> network(String id) {
    return networks.stream().filter(n -> n.id().equalsIgnoreCase(id)).findFirst();
  }
}
