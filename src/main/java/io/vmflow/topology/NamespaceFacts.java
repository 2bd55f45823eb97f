package io.vmflow.topology;

import io.vmflow.parse.FirewallRules;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.IpNeigh;
import io.vmflow.parse.IpRoute;
import io.vmflow.parse.IpRule;
import io.vmflow.topology.HostFacts.Located;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outputs taken inside one namespace of a host, as they were joined. */
final class NamespaceFacts {

  final String name;
  Located<Integer> listed;
  final Map<String, Located<IpLink.LinkDevice>> devices = new LinkedHashMap<>();
  final List<Located<IpRoute.Route>> routes = new ArrayList<>();
  final List<Located<IpNeigh.Neighbour>> neighbours = new ArrayList<>();
  final List<Located<IpRule.Rule>> rules = new ArrayList<>();
  final List<Located<FirewallRules.Rule>> firewall = new ArrayList<>();
  boolean hasAddresses;
  boolean hasRoutes;
  boolean hasNeighbours;
  boolean hasRules;
  boolean hasFirewall;

  NamespaceFacts(String name) {
    this.name = name;
  }
}
