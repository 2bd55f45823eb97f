package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.topology.Evidence;
import java.util.List;

/**
 * A finding tied to what it is about.
 *
 * @param vmId the VM it concerns, "" when it concerns a host or the dump
 * @param hostKey the host it concerns, "" when none
 * @param hint one line saying what to look at next
 * @param evidence every entry and line the finding rests on (the finding's own origin first)
 */
public record VmFinding(
    String vmId, String hostKey, Finding finding, String hint, List<Evidence> evidence) {

  public VmFinding {
    vmId = vmId == null ? "" : vmId;
    hostKey = hostKey == null ? "" : hostKey;
    hint = hint == null ? "" : hint;
    evidence = List.copyOf(evidence);
  }
}
