package io.vmflow.parse;

import java.util.List;

/**
 * {@code neutron security-group-rule-list} / {@code openstack security group rule list}: one row
 * per rule, normalised across the two clients.
 */
public record SecurityGroupRuleList(List<Rule> rules) implements ParsedRecord {

  public SecurityGroupRuleList {
    rules = List.copyOf(rules);
  }

  /**
   * One rule.
   *
   * @param group the group's id or name as the output prints it (neutron prints names)
   * @param direction {@code ingress} or {@code egress}; "" when the output did not show it (the
   *     openstack client before Direction was a default column)
   * @param ethertype {@code IPv4} or {@code IPv6}, "" when not shown
   * @param protocol lower case: {@code icmp}, {@code tcp}, a number, or {@code any} (None, any)
   * @param portRange {@code 22:22}, {@code 1-65535}, "" when none
   * @param remoteIpPrefix a CIDR, "" when any address (or when a remote group is set)
   * @param remoteGroup the remote group's id or name, "" when none
   */
  public record Rule(
      String id,
      String group,
      String direction,
      String ethertype,
      String protocol,
      String portRange,
      String remoteIpPrefix,
      String remoteGroup,
      int line) {

    /** "ingress IPv4 icmp from 0.0.0.0/0", for messages. */
    public String describe() {
      String from =
          !remoteGroup.isEmpty()
              ? " from group " + remoteGroup
              : remoteIpPrefix.isEmpty() ? " from any" : " from " + remoteIpPrefix;
      return (direction.isEmpty() ? "" : direction + " ")
          + (ethertype.isEmpty() ? "" : ethertype + " ")
          + protocol
          + (portRange.isEmpty() ? "" : " " + portRange)
          + from;
    }
  }
}
