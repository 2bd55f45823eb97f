package io.vmflow.ping;

import io.vmflow.finding.Finding;
import java.util.List;

/**
 * The ping stage's output: per VM port, its pings along its path, and the findings (unanswered
 * echoes, localised loss) each tied to a VM and port, and each localised loss with its segment's
 * devices for the stages that look for its cause.
 */
public record PingResults(List<PortPings> ports, List<Finding> findings, List<LossCase> cases) {

  public PingResults {
    ports = List.copyOf(ports);
    findings = List.copyOf(findings);
    cases = cases == null ? List.of() : List.copyOf(cases);
  }

  public PingResults(List<PortPings> ports, List<Finding> findings) {
    this(ports, findings, List.of());
  }

  public static PingResults none() {
    return new PingResults(List.of(), List.of());
  }

  /** The VM's ports that have pings, in the order they were analysed (the VM's port order). */
  public List<PortPings> ofVm(String vmId) {
    return ports.stream().filter(p -> p.vmId().equals(vmId)).toList();
  }
}
