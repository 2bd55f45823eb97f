package io.vmflow.finding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing vmflow wants an operator to know, with what it concerns and the evidence it rests on.
 * Every stage reports through this one record: unreadable input (no VM), a check rule's conclusion
 * about a VM's port, a loss localised on a flow.
 *
 * @param code stable UPPER_SNAKE identifier; tests and templates key on it, never on the message
 * @param origin chain of origin of the evidence ({@code bundle.tgz!/sos_commands/...}), or "" when
 *     the finding is about the run as a whole
 * @param line 1-based line in {@code origin}, 0 when the finding is about a whole artifact
 * @param vmId the VM it concerns, "" when none (see {@link #vm()})
 * @param port the VM port it concerns, "" when none or the VM as a whole
 * @param hostKey the host it concerns, "" when none
 * @param hint one line saying what to look at next, "" when none
 * @param evidence every entry and line the finding rests on (its own origin first), may be empty
 * @param peerVmId for a finding about a flow between two VMs, the other VM (the bystander whose
 *     replies or requests were lost on the way), "" when none
 */
public record Finding(
    Severity severity,
    Category category,
    String code,
    String message,
    String origin,
    int line,
    String vmId,
    String port,
    String hostKey,
    String hint,
    List<Evidence> evidence,
    String peerVmId) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
    origin = origin == null ? "" : origin;
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
    vmId = vmId == null ? "" : vmId;
    port = port == null ? "" : port;
    hostKey = hostKey == null ? "" : hostKey;
    hint = hint == null ? "" : hint;
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    peerVmId = peerVmId == null ? "" : peerVmId;
  }

  /** A finding about no VM, host or port in particular. */
  public Finding(
      Severity severity, Category category, String code, String message, String origin, int line) {
    this(severity, category, code, message, origin, line, "", "", "", "", List.of(), "");
  }

  /** The VM this finding concerns, if any. */
  public Optional<String> vm() {
    return vmId.isEmpty() ? Optional.empty() : Optional.of(vmId);
  }

  /** The same finding, concerning VM {@code vmId}'s port {@code port} ("" for the whole VM). */
  public Finding about(String vmId, String port, String hostKey) {
    return new Finding(
        severity, category, code, message, origin, line, vmId, port, hostKey, hint, evidence,
        peerVmId);
  }

  /** The same finding, about a flow whose other end is VM {@code peerVmId}. */
  public Finding withPeer(String peerVmId) {
    return new Finding(
        severity, category, code, message, origin, line, vmId, port, hostKey, hint, evidence,
        peerVmId);
  }

  /** The same finding with what to look at next and the evidence it rests on. */
  public Finding withHint(String hint, List<Evidence> evidence) {
    return new Finding(
        severity, category, code, message, origin, line, vmId, port, hostKey, hint, evidence,
        peerVmId);
  }

  public static Finding input(
      Severity severity, String code, String message, String origin, int line) {
    return new Finding(severity, Category.INPUT, code, message, origin, line);
  }

  public static Finding coverage(Severity severity, String code, String message, String origin) {
    return new Finding(severity, Category.COVERAGE, code, message, origin, 0);
  }

  public static Finding network(
      Severity severity, String code, String message, String origin, int line) {
    return new Finding(severity, Category.NETWORK, code, message, origin, line);
  }
}
