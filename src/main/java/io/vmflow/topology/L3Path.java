package io.vmflow.topology;

import java.util.List;

/** The routed path of one VM port: VM, its gateway, the router's routes, the way out. */
public record L3Path(String vmId, String portId, List<L3Hop> hops) {

  public L3Path {
    hops = List.copyOf(hops);
  }
}
