package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A rule judged once per routed path of each VM port. */
interface L3PathRule extends Rule {

  Optional<Finding> check(Topology t, Vm vm, VmPort port, L3Path path);

  @Override
  default List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        for (L3Path p : t.l3PathsOf(vm.id())) {
          if (p.portId().equals(port.portId())) {
            check(t, vm, port, p).ifPresent(out::add);
          }
        }
      }
    }
    return out;
  }
}
