package io.vmflow.check;

import io.vmflow.topology.Topology;
import java.util.List;

/** One consistency check over the topology. */
interface Rule {
  List<VmFinding> check(Topology topology);
}
