package io.vmflow.check;

import io.vmflow.topology.Topology;
import java.util.List;

/** Entry point of the check stage: every rule over the topology. */
public final class Checks {

  private Checks() {}

  public static List<VmFinding> run(Topology topology) {
    throw new UnsupportedOperationException("checks not built yet");
  }
}
