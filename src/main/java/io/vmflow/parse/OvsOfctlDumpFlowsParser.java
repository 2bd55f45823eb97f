package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ovs-ofctl dump-flows <bridge>} (OpenFlow 1.0 {@code NXST_FLOW} and 1.3 {@code OFPST_FLOW}
 * replies):
 *
 * <pre>
 * NXST_FLOW reply (xid=0x4):
 *  cookie=0x565d7680690eea02, duration=62956.750s, table=0, n_packets=0, n_bytes=0, idle_age=62956, priority=5,in_port=1,dl_dst=fa:16:3f:9a:5d:e2 actions=resubmit(,4)
 * </pre>
 *
 * Hand-written scanning instead of regular expressions: a dump of a busy br-int holds hundreds of
 * thousands of flows. Kept: cookie, table, priority, packet and byte counters, duration, match
 * fields, top-level actions and flags; ages and timeouts are skipped.
 */
final class OvsOfctlDumpFlowsParser implements CommandParser<OvsOfctlDumpFlows> {

  private static final String ACTIONS = "actions=";

  @Override
  public Spec spec() {
    return Spec.OVS_OFCTL_DUMP_FLOWS;
  }

  @Override
  public Class<OvsOfctlDumpFlows> type() {
    return OvsOfctlDumpFlows.class;
  }

  @Override
  public Parsed<OvsOfctlDumpFlows> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsOfctlDumpFlows.Flow> flows = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int a = line.indexOf(ACTIONS);
      if (a < 0) {
        String t = line.trim();
        if (!t.isEmpty()
            && !t.startsWith("NXST_FLOW")
            && !t.startsWith("OFPST_FLOW")
            && !t.startsWith("OFPST_FLOW")) {
          findings.add(ParseFindings.unrecognised(source, i, "dump-flows"));
        }
        continue;
      }
      OvsOfctlDumpFlows.Flow f = flow(line, a, source.lineNo(i));
      if (f == null) {
        findings.add(
            ParseFindings.badValue(source, i, "unreadable counter in flow: '" + line.trim() + "'"));
      } else {
        flows.add(f);
      }
    }
    return Parsed.of(new OvsOfctlDumpFlows(source.subject(), flows), findings);
  }

  private static OvsOfctlDumpFlows.Flow flow(String line, int actionsAt, int lineNo) {
    String cookie = "";
    int table = 0;
    int priority = 32768;
    long packets = 0;
    long bytes = 0;
    double duration = 0;
    List<OvsOfctlDumpFlows.Field> match = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    int p = 0;
    int end = actionsAt;
    try {
      while (p < end) {
        while (p < end && (line.charAt(p) == ' ' || line.charAt(p) == ',')) {
          p++;
        }
        int q = p;
        while (q < end && line.charAt(q) != ',' && line.charAt(q) != ' ') {
          q++;
        }
        if (q == p) {
          break;
        }
        int eq = line.indexOf('=', p);
        String key = eq > 0 && eq < q ? line.substring(p, eq) : line.substring(p, q);
        String value = eq > 0 && eq < q ? line.substring(eq + 1, q) : "";
        switch (key) {
          case "cookie" -> cookie = value;
          case "table" -> table = Integer.parseInt(value);
          case "priority" -> priority = Integer.parseInt(value);
          case "n_packets" -> packets = Long.parseLong(value);
          case "n_bytes" -> bytes = Long.parseLong(value);
          case "duration" ->
              duration =
                  Double.parseDouble(
                      value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
          case "idle_age", "hard_age", "idle_timeout", "hard_timeout", "importance" -> {}
          case "send_flow_rem",
              "reset_counts",
              "check_overlap",
              "no_packet_counts",
              "no_byte_counts" ->
              flags.add(key);
          default -> match.add(new OvsOfctlDumpFlows.Field(key, value));
        }
        p = q;
      }
    } catch (NumberFormatException e) {
      return null;
    }
    return new OvsOfctlDumpFlows.Flow(
        cookie,
        table,
        priority,
        packets,
        bytes,
        duration,
        match,
        actions(line, actionsAt + ACTIONS.length()),
        flags,
        lineNo);
  }

  // actions=mod_vlan_vid:1,resubmit(,1),output:"patch-int" : split on top-level commas only
  private static List<String> actions(String line, int from) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = from;
    int end = line.length();
    while (end > from && Character.isWhitespace(line.charAt(end - 1))) {
      end--;
    }
    for (int i = from; i < end; i++) {
      char c = line.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(line.substring(start, i));
        start = i + 1;
      }
    }
    if (start < end) {
      out.add(line.substring(start, end));
    }
    return out;
  }
}
