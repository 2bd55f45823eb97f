package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/** {@code neutron security-group-list} / {@code openstack security group list}: id and name. */
public record SecurityGroupList(List<Group> groups) implements ParsedRecord {

  public SecurityGroupList {
    groups = List.copyOf(groups);
  }

  /** The group with this id or name. */
  public Optional<Group> group(String idOrName) {
    return groups.stream()
        .filter(g -> g.id().equals(idOrName) || g.name().equals(idOrName))
        .findFirst();
  }

  /** One security group. */
  public record Group(String id, String name, int line) {}
}
