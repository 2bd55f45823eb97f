package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * A VM with everything the dump says about it.
 *
 * @param hostKey {@link Host#key()} of the host it runs on, "" when unknown
 * @param routers routers attached to its networks, as "name (distributed)" style descriptions
 */
public record Vm(
    String id,
    String name,
    String status,
    String hostKey,
    List<VmPort> ports,
    List<RouterInfo> routers,
    List<Evidence> evidence) {

  public Vm {
    ports = List.copyOf(ports);
    routers = List.copyOf(routers);
    evidence = List.copyOf(evidence);
  }

  /** A router serving one of the VM's networks. */
  public record RouterInfo(
      String id, String name, boolean distributed, boolean ha, List<Evidence> evidence) {
    public RouterInfo {
      evidence = List.copyOf(evidence);
    }
  }
}
