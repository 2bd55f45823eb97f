package io.vmflow.trace;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.ping.LossCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The findings a trace gives: the rule that drops the lost packet, or a trace not possible. */
final class TraceFindings {

  private TraceFindings() {}

  static Finding unavailable() {
    return Finding.coverage(
            Severity.INFO,
            Tracer.FLOW_TRACE_UNAVAILABLE,
            "flow traces need Open vSwitch (ovsdb-server, ovs-vswitchd, ovs-vsctl, ovs-ofctl,"
                + " ovs-appctl: package openvswitch-switch) on the analysing machine: with"
                + " them each loss's packet would run through a replica of its host's flow"
                + " tables, naming the rule that drops or misdirects it",
            "")
        .withHint("", List.of());
  }

  static Finding failed(String hostKey, String message) {
    return Finding.coverage(
            Severity.INFO, Tracer.FLOW_TRACE_FAILED, "flow trace not possible: " + message, "")
        .about("", "", hostKey)
        .withHint("", List.of());
  }

  /**
   * @param entering "br-int from qvo1c65142e-2a", with how the packet got there when it crossed a
   *     tunnel
   * @param ct the conntrack state assumed, "" when the trace met no conntrack
   */
  static Finding drops(
      HostReplica host, LossCase l, String entering, HostReplica.Traced traced, String ct) {
    OvsAppctlOfprotoTrace trace = traced.trace();
    OvsAppctlOfprotoTrace.Step last = trace.steps().get(trace.steps().size() - 1);
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(traced.file().toString(), last.line()));
    Rules.dumpLine(host, last).ifPresent(d -> evidence.add(new Evidence(d.origin(), d.line())));
    String group = group(host, last, evidence);
    return Finding.network(
            Severity.ERROR,
            Tracer.FLOW_TRACE_DROPS,
            "traced on a replica of "
                + host.host.key()
                + "'s switches, the lost echo "
                + (l.icmpType() == 8 ? "request" : "reply")
                + " entering "
                + entering
                + (forwards(last)
                    ? " is forwarded by "
                        + Rules.describe(last)
                        + " but leaves by no port"
                        + deadPatches(host, last.bridge())
                    : " is dropped by " + Rules.describe(last))
                + group
                + " after "
                + trace.steps().size()
                + (trace.steps().size() == 1 ? " rule" : " rules")
                + conntrack(l, ct)
                + "; datapath actions: drop",
            traced.file().toString(),
            last.line())
        .about(l.vmId(), "", host.host.key())
        .withHint(where(traced.file()), evidence);
  }

  // NORMAL or an output: the rule sends the packet on, and it is lost for want of a port to leave
  // by (a patch port without its peer, an ofport the datapath lacks), not dropped by the rule
  private static boolean forwards(OvsAppctlOfprotoTrace.Step last) {
    return last.actions().stream()
        .anyMatch(
            a ->
                a.equals("NORMAL")
                    || a.equals("FLOOD")
                    || a.equals("ALL")
                    || a.startsWith("output:")
                    || a.startsWith("in_port"));
  }

  // the bridge's patch ports whose peer no bridge of the host has: output to them goes nowhere
  private static String deadPatches(HostReplica host, String bridge) {
    List<String> ports = new ArrayList<>();
    host.host.bridges().stream()
        .filter(b -> b.name().equals(bridge))
        .flatMap(b -> b.ports().stream())
        .filter(p -> p.type().equals("patch") && !p.peer().isEmpty())
        .filter(p -> host.host.bridges().stream().noneMatch(b -> b.port(p.peer()).isPresent()))
        .forEach(p -> ports.add(p.name() + " names peer " + p.peer() + ", which does not exist"));
    return ports.isEmpty() ? "" : " (" + bridge + "'s patch port " + String.join("; ", ports) + ")";
  }

  // a rule whose packet dies in its group: group:7 with no bucket, or none that outputs
  private static String group(
      HostReplica host, OvsAppctlOfprotoTrace.Step last, List<Evidence> evidence) {
    for (String a : last.actions()) {
      java.util.regex.Matcher m = GROUP.matcher(a);
      if (!m.matches()) {
        continue;
      }
      long id = Long.parseLong(m.group(1));
      HostReplica.LocatedGroup g =
          host.groups.getOrDefault(last.bridge(), java.util.Map.of()).get(id);
      if (g == null) {
        return " through group " + id + ", which the dump does not hold";
      }
      evidence.add(new Evidence(g.origin(), g.group().line()));
      int n = g.group().buckets().size();
      return " through group "
          + id
          + " (type "
          + g.group().type()
          + ", "
          + (n == 0 ? "no bucket" : n + (n == 1 ? " bucket" : " buckets") + ", none delivering")
          + ")";
    }
    return "";
  }

  // group:7 as the trace prints a rule's action
  private static final java.util.regex.Pattern GROUP =
      java.util.regex.Pattern.compile("group:(\\d+)");

  static String conntrack(LossCase l, String ct) {
    if (ct.isEmpty()) {
      return " (no conntrack on the way)";
    }
    return " (conntrack state assumed: "
        + ct.replace(",", "+")
        + (l.icmpType() == 8
            ? ", the first packet of its connection)"
            : ", a reply in the connection its request opened)");
  }

  // the replica lives in the output folder's .vmflow/replica/host-N/
  static String where(Path file) {
    return "read the full trace in the report folder: .vmflow/replica/"
        + file.getParent().getFileName()
        + "/"
        + file.getFileName();
  }
}
