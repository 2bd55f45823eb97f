package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.topology.Topology;
import java.util.List;

/** One consistency check over the topology. */
interface Rule {
  List<Finding> check(Topology topology);
}
