package io.vmflow.report;

import io.vmflow.finding.Evidence;
import io.vmflow.ping.PathLossLocaliser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One localised loss as the verdict says it, before losses that share everything but the peer are
 * said as one line: a firewall rule on a VM's bridge drops its replies from every peer, and four
 * lines with the same where, why and next say less than one with four peers.
 *
 * @param vmId the VM the loss is about (see {@link Verdict.Line#vmId()})
 * @param vmName its name, or the address when no VM has it
 * @param peerVmId the other end's VM, "" when it is not a VM (a gateway, an outside address)
 * @param peerName its name or address
 * @param onDest whether the VM the loss is about is the flow's destination (the pings are to it)
 * @param reply whether the lost echoes are replies
 * @param sizes what the echoes' sizes say, e.g. " (1428-byte packets; 84-byte pings between them
 *     were answered)" ({@link SizeContrast}), or ""
 */
record LossLine(
    String vmId,
    String vmName,
    String peerVmId,
    String peerName,
    boolean onDest,
    boolean reply,
    long lost,
    long seen,
    String sizes,
    String where,
    String why,
    Evidence whyEvidence,
    String next) {

  /** The lines, in the order of their first loss, losses differing only by peer merged. */
  static List<Verdict.Line> grouped(List<LossLine> losses) {
    Map<List<Object>, List<LossLine>> groups = new LinkedHashMap<>();
    for (LossLine l : losses) {
      groups.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l);
    }
    return groups.values().stream().map(LossLine::line).toList();
  }

  private List<Object> key() {
    return List.of(vmId, vmName, onDest, reply, sizes, where, why, next);
  }

  private static Verdict.Line line(List<LossLine> group) {
    LossLine first = group.get(0);
    // per peer, in order of the first loss: two ping ids to one peer are one peer
    Map<String, long[]> peers = new LinkedHashMap<>();
    List<String> peerIds = new ArrayList<>();
    String peerName = "";
    for (LossLine l : group) {
      long[] n = peers.computeIfAbsent(l.peerName, k -> new long[2]);
      n[0] += l.lost;
      n[1] += l.seen;
      if (!l.peerVmId.isEmpty() && !peerIds.contains(l.peerVmId)) {
        peerName = peerIds.isEmpty() ? l.peerName : peerName;
        peerIds.add(l.peerVmId);
      }
    }
    long lost = group.stream().mapToLong(LossLine::lost).sum();
    long seen = group.stream().mapToLong(LossLine::seen).sum();
    return new Verdict.Line(
        "ERROR",
        PathLossLocaliser.PING_LOSS_LOCALISED,
        first.vmId,
        first.vmName,
        peerIds.isEmpty() ? "" : peerIds.get(0),
        peerName,
        peerIds,
        what(first, lost, seen, peers),
        first.where,
        first.why,
        first.whyEvidence,
        first.next);
  }

  // "20 of 20 echo requests from lab-vm1 to lab-vm3 lost" for one peer; for several, the VM the
  // line is about, the total, then each peer's share:
  // "22 of 80 echo replies to lab-vm1 lost, from lab-vm2 (7 of 20), 10.20.0.1 (5 of 20), …"
  private static String what(LossLine l, long lost, long seen, Map<String, long[]> peers) {
    String kind = l.reply ? " echo replies " : " echo requests ";
    // the VM the line is about sends the flow's requests unless it is the destination
    boolean vmSends = l.reply == l.onDest;
    if (peers.size() == 1) {
      String peer = peers.keySet().iterator().next();
      String from = vmSends ? l.vmName : peer;
      String to = vmSends ? peer : l.vmName;
      return lost + " of " + seen + kind + "from " + from + " to " + to + " lost" + l.sizes;
    }
    List<String> shares = new ArrayList<>();
    peers.forEach((name, n) -> shares.add(name + " (" + n[0] + " of " + n[1] + ")"));
    return lost
        + " of "
        + seen
        + kind
        + (vmSends ? "from " : "to ")
        + l.vmName
        + " lost, "
        + (vmSends ? "to " : "from ")
        + peers.size()
        + " peers: "
        + String.join(", ", shares)
        + l.sizes;
  }
}
