package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl ofproto/trace br-int in_port=1,icmp,...} (OVS 2.8+ format), as the replica
 * prints it:
 *
 * <pre>
 * bridge("br-int")
 * ----------------
 *  0. icmp,in_port=1,icmp_type=0, priority 200
 *     drop
 *
 * Final flow: unchanged
 * Datapath actions: drop
 * </pre>
 *
 * Kept: every rule hit (bridge, table, match, priority, cookie, indented actions) and the datapath
 * actions. Ignored: the input flow echo, the final flow and the megaflow.
 */
final class OvsAppctlOfprotoTraceParser implements CommandParser<OvsAppctlOfprotoTrace> {

  // bridge("br-int")
  private static final Pattern BRIDGE = Pattern.compile("^\\s*bridge\\(\"(.+)\"\\)\\s*$");
  // " 0. icmp,in_port=1,icmp_type=0, priority 200, cookie 0x5" ; " 0. priority 0" ; "10. ..."
  private static final Pattern STEP =
      Pattern.compile(
          "^\\s*(\\d+)\\.\\s+(?:(.*?),\\s+)?priority\\s+(\\d+)(?:,\\s+cookie\\s+(\\S+))?$");
  // Datapath actions: drop
  private static final Pattern DATAPATH = Pattern.compile("^Datapath actions:\\s*(.*)$");

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_OFPROTO_TRACE;
  }

  @Override
  public Class<OvsAppctlOfprotoTrace> type() {
    return OvsAppctlOfprotoTrace.class;
  }

  @Override
  public Parsed<OvsAppctlOfprotoTrace> parse(SourceText source) {
    List<OvsAppctlOfprotoTrace.Step> steps = new ArrayList<>();
    String bridge = source.subject();
    String datapath = "";
    List<String> actions = new ArrayList<>();
    Matcher open = null;
    int openLine = 0;
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      Matcher b = BRIDGE.matcher(line);
      Matcher s = STEP.matcher(line);
      Matcher d = DATAPATH.matcher(line);
      if (b.matches() || s.matches() || d.matches() || line.isBlank()) {
        if (open != null) {
          steps.add(step(bridge, open, actions, openLine));
          open = null;
        }
      }
      if (b.matches()) {
        bridge = b.group(1);
      } else if (s.matches()) {
        open = s;
        openLine = source.lineNo(i);
        actions = new ArrayList<>();
      } else if (d.matches()) {
        datapath = d.group(1).trim();
      } else if (open != null && line.startsWith("    ")) {
        actions.add(line.trim());
      }
    }
    if (open != null) {
      steps.add(step(bridge, open, actions, openLine));
    }
    List<Finding> findings = new ArrayList<>();
    if (steps.isEmpty() && datapath.isEmpty()) {
      findings.add(ParseFindings.noData(source, "trace"));
    }
    return Parsed.of(new OvsAppctlOfprotoTrace(steps, datapath), findings);
  }

  private static OvsAppctlOfprotoTrace.Step step(
      String bridge, Matcher m, List<String> actions, int line) {
    return new OvsAppctlOfprotoTrace.Step(
        bridge,
        Integer.parseInt(m.group(1)),
        m.group(2) == null ? "" : m.group(2),
        Integer.parseInt(m.group(3)),
        m.group(4) == null ? "" : m.group(4),
        actions,
        line);
  }
}
