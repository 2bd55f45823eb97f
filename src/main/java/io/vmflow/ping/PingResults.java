package io.vmflow.ping;

import io.vmflow.finding.Finding;
import java.util.List;

/**
 * The ping stage's output: per VM port, its pings along its path, and the findings (unanswered
 * echoes, localised loss) each tied to a VM and port; each localised loss with its segment's
 * devices for the stages that look for its cause; and {@code unplaced}, the pairings at capture
 * points on no known VM's path; {@code flows}, each flow between two VMs of the dump along the path
 * it takes.
 */
public record PingResults(
    List<PortPings> ports,
    List<Finding> findings,
    List<LossCase> cases,
    List<PointFlowStats> unplaced,
    List<FlowPath> flows) {

  public PingResults {
    ports = List.copyOf(ports);
    findings = List.copyOf(findings);
    cases = cases == null ? List.of() : List.copyOf(cases);
    unplaced = unplaced == null ? List.of() : List.copyOf(unplaced);
    flows = flows == null ? List.of() : List.copyOf(flows);
  }

  public PingResults(List<PortPings> ports, List<Finding> findings) {
    this(ports, findings, List.of(), List.of(), List.of());
  }

  public PingResults(List<PortPings> ports, List<Finding> findings, List<LossCase> cases) {
    this(ports, findings, cases, List.of(), List.of());
  }

  /**
   * These results plus the capture points and flows of {@code seen} that lie on no VM port's path
   * (a capture analysed without the dump it belongs to): still shown, paired, in the report.
   */
  public PingResults withUnplaced(List<PointFlowStats> seen) {
    java.util.Set<PointFlowStats> placed = new java.util.HashSet<>();
    ports.forEach(p -> placed.addAll(p.points()));
    return new PingResults(
        ports, findings, cases, seen.stream().filter(s -> !placed.contains(s)).toList(), flows);
  }

  public static PingResults none() {
    return new PingResults(List.of(), List.of());
  }

  /** The flows between two VMs of the dump that {@code vmId} sends or answers. */
  public List<FlowPath> flowsOf(String vmId) {
    return flows.stream().filter(f -> f.concerns(vmId)).toList();
  }

  /** The VM's ports that have pings, in the order they were analysed (the VM's port order). */
  public List<PortPings> ofVm(String vmId) {
    return ports.stream().filter(p -> p.vmId().equals(vmId)).toList();
  }
}
