package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.ping.LossCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenFlow rules that explain a loss without a replica: a flow whose output port does not exist on
 * its bridge (checked for every flow of the dump), and a drop flow that has dropped packets and
 * whose match covers the lost packet as it enters a bridge of the loss segment — by {@code
 * in_port}, {@code icmp_type}, VLAN or masks, not only by the VM's addresses (those the check
 * stage's {@code FLOW_DROPS_VM_TRAFFIC} already names; they are linked, not repeated).
 */
final class FlowCauses {

  static final String FLOW_OUTPUT_TO_MISSING_PORT = "FLOW_OUTPUT_TO_MISSING_PORT";
  static final String FLOW_DROPS_VM_TRAFFIC = "FLOW_DROPS_VM_TRAFFIC";

  private FlowCauses() {}

  /** Every flow of the dump that outputs to a port its bridge does not have. */
  static List<Finding> missingPorts(Map<String, HostEvidence> hosts) {
    List<Finding> out = new ArrayList<>();
    for (HostEvidence h : hosts.values()) {
      h.flows.forEach(
          (bridge, flows) -> {
            for (HostEvidence.Located<OvsOfctlDumpFlows.Flow> f : flows) {
              missingOutput(h, bridge, f.value())
                  .ifPresent(port -> out.add(missingPort(h, bridge, f, port, "")));
            }
          });
    }
    return out;
  }

  /** The port a flow outputs to that {@code bridge} does not have, if any. */
  static Optional<String> missingOutput(
      HostEvidence h, String bridge, OvsOfctlDumpFlows.Flow flow) {
    Map<String, String> ports = h.ofports.get(bridge);
    if (ports == null || ports.isEmpty()) {
      return Optional.empty();
    }
    for (String a : flow.actions()) {
      String port = outputPort(a);
      if (!port.isEmpty() && !ports.containsValue(port) && !ports.containsKey(port)) {
        return Optional.of(port);
      }
    }
    return Optional.empty();
  }

  // output:99, output:"qvo1c65142e-2a", output(port=99,max_len=65535), enqueue:99:1
  private static String outputPort(String action) {
    String port = "";
    if (action.startsWith("output:")) {
      port = action.substring(7);
    } else if (action.startsWith("output(port=")) {
      port = action.substring(12).split("[,)]")[0];
    } else if (action.startsWith("enqueue:")) {
      port = action.substring(8).split(":")[0];
    }
    port = port.replace("\"", "");
    return port.matches("(?i)in_port|local|normal|flood|all|controller.*|NXM_.*|reg\\d.*")
        ? ""
        : port;
  }

  static Finding missingPort(
      HostEvidence h,
      String bridge,
      HostEvidence.Located<OvsOfctlDumpFlows.Flow> f,
      String port,
      String vmId) {
    OvsOfctlDumpFlows.Flow flow = f.value();
    return (Finding.network(
            flow.packets() > 0 ? Severity.ERROR : Severity.WARNING,
            FLOW_OUTPUT_TO_MISSING_PORT,
            "a flow on "
                + bridge
                + " ("
                + h.host
                + ", "
                + describe(flow)
                + ") outputs to OpenFlow port "
                + port
                + ", which "
                + bridge
                + " does not have (ports "
                + String.join(", ", h.ofports.get(bridge).values())
                + "): "
                + flow.packets()
                + " packets sent nowhere",
            f.origin(),
            flow.line()))
        .about(vmId, "", h.host)
        .withHint(
            "the port was deleted or renumbered after the flow was installed: resync the agent or"
                + " delete the flow (cookie "
                + flow.cookie()
                + ")",
            List.of(f.evidence(flow.line())));
  }

  static String describe(OvsOfctlDumpFlows.Flow flow) {
    return "table "
        + flow.table()
        + ", priority "
        + flow.priority()
        + ", "
        + String.join(
            ",",
            flow.match().stream()
                .map(m -> m.value().isEmpty() ? m.name() : m.name() + "=" + m.value())
                .toList());
  }

  static boolean isDrop(OvsOfctlDumpFlows.Flow f) {
    return (f.actions().isEmpty() || f.actions().equals(List.of("drop")))
        && f.priority() > 0
        && !f.match().isEmpty()
        && f.packets() > 0;
  }

  /** True when a match field names one of the packet's addresses (the check stage's case). */
  static boolean namesAddress(OvsOfctlDumpFlows.Flow f, Packet p) {
    for (OvsOfctlDumpFlows.Field m : f.match()) {
      String v = m.value().split("/")[0];
      if (!v.isEmpty()
          && (v.equalsIgnoreCase(p.nwSrc())
              || v.equalsIgnoreCase(p.nwDst())
              || v.equalsIgnoreCase(p.dlSrc())
              || v.equalsIgnoreCase(p.dlDst()))) {
        return true;
      }
    }
    return false;
  }

  static Finding drops(
      HostEvidence h,
      String bridge,
      HostEvidence.Located<OvsOfctlDumpFlows.Flow> f,
      Packet p,
      LossCase loss) {
    OvsOfctlDumpFlows.Flow flow = f.value();
    return (Finding.network(
            Severity.ERROR,
            FLOW_DROPS_VM_TRAFFIC,
            "a flow on "
                + bridge
                + " ("
                + h.host
                + ", "
                + describe(flow)
                + ") drops the lost echo "
                + (loss.icmpType() == 8 ? "requests" : "replies")
                + " ("
                + p.describe()
                + "): "
                + flow.packets()
                + " packets so far",
            f.origin(),
            flow.line()))
        .about(loss.vmId(), "", h.host)
        .withHint(
            "its match names no address of the VM: find who added it (cookie "
                + flow.cookie()
                + ") and remove it if it is not the agent's",
            List.of(new Evidence(f.origin(), flow.line())));
  }
}
