package io.vmflow.ping;

import io.vmflow.finding.Finding;
import java.util.List;

/**
 * The ping stage's output: per VM port, its pings along its path, and the findings (unanswered
 * echoes, localised loss) each tied to a VM and port.
 */
public record PingResults(List<PortPings> ports, List<Finding> findings) {

  public PingResults {
    ports = List.copyOf(ports);
    findings = List.copyOf(findings);
  }

  public static PingResults none() {
    return new PingResults(List.of(), List.of());
  }

  /** The VM's ports that have pings, in the order they were analysed (the VM's port order). */
  public List<PortPings> ofVm(String vmId) {
    return ports.stream().filter(p -> p.vmId().equals(vmId)).toList();
  }
}
