package io.vmflow.report;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * The report's answer first: one line per problem, most harmful first, each saying what is wrong,
 * where, why when a finding explains it, and what to do next. No line is also a verdict ("no
 * problem found"), with what was and was not covered.
 *
 * @param lines the problems, losses first (most echoes lost first), then other errors, then
 *     warnings
 * @param covered what the verdict rests on: VMs, hosts and capture points seen, and what was not
 */
public record Verdict(List<Line> lines, String covered) {

  public Verdict {
    lines = List.copyOf(lines);
  }

  public boolean isClear() {
    return lines.isEmpty();
  }

  /** The lines a VM's page shows: its own problems, and losses where it is the peer. */
  public List<Line> about(String vmId) {
    return lines.stream()
        .filter(l -> l.vmId().equals(vmId) || l.peerVmIds().contains(vmId))
        .toList();
  }

  /**
   * One problem.
   *
   * @param code the finding code the line stands for ({@code PING_LOSS_LOCALISED}, …)
   * @param vmId the VM the problem is on: the VM whose traffic is lost or whose path is wrong; for
   *     a loss between two VMs the flow's source, or its destination when the cause or the whole
   *     loss segment lies on the destination's own path; "" for none
   * @param peerVmId for a loss between two VMs, the other VM (affected, not the one the problem is
   *     on), "" for none; for a loss line with several peers, the first peer that is a VM
   * @param peerName that VM's name
   * @param peerVmIds every peer VM of the line: a loss line says the losses that differ only by
   *     peer as one (a rule dropping a VM's replies from all its peers)
   * @param what e.g. "20 of 20 echo replies from lab-vm2 to lab-vm1 lost", or for several peers "22
   *     of 80 echo replies to lab-vm1 lost, from 4 peers: lab-vm2 (7 of 20), 10.20.0.1 (7 of 20),
   *     …"
   * @param where e.g. "br-int on compute-a, between qvm9e8d7c6b-5a and qvo3f1a2b4c-5d"
   * @param why the finding that explains it, "" when none does
   * @param whyEvidence the evidence line of {@code why}, null when none
   * @param next the check or command that confirms it
   */
  public record Line(
      String severity,
      String code,
      String vmId,
      String vmName,
      String peerVmId,
      String peerName,
      List<String> peerVmIds,
      String what,
      String where,
      String why,
      Evidence whyEvidence,
      String next) {

    public Line {
      peerVmIds = List.copyOf(peerVmIds);
    }
  }
}
