package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the check stage: every rule over the topology. */
public final class Checks {

  private static final List<Rule> RULES =
      List.of(
          new PathRules(),
          new FdbRules(),
          new FlowRules(),
          new PatchRules(),
          new OvsdbRules(),
          new NetworkRules(),
          new MacRules(),
          new L3Rules(),
          new L3RouteRules(),
          new DhcpRules(),
          new DvrRules(),
          new FloatingIpRules());

  private Checks() {}

  public static List<Finding> run(Topology topology) {
    List<Finding> out = new ArrayList<>();
    for (Rule r : RULES) {
      out.addAll(r.check(topology));
    }
    return out;
  }
}
