package io.vmflow.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a traced packet leaves the datapath: the numbered outputs of {@code ofproto/trace}'s last
 * {@code Datapath actions:} line, each with the tunnel header set before it.
 *
 * <pre>
 * Datapath actions: drop
 * Datapath actions: pop_vlan,6
 * Datapath actions: set(tunnel(tun_id=0x3e9,dst=192.0.2.12,ttl=64,tp_dst=4789,flags(df|key))),3
 * </pre>
 */
record DatapathActions(List<Output> outputs) {

  DatapathActions {
    outputs = List.copyOf(outputs);
  }

  /**
   * One output to datapath port {@code port}.
   *
   * @param tunId the tunnel id set before it, "" when not a tunnel output
   * @param tunDst the tunnel's remote address, "" when not a tunnel output
   */
  record Output(int port, String tunId, String tunDst) {
    boolean isTunnel() {
      return !tunDst.isEmpty();
    }
  }

  // tun_id=0x3e9 ; dst=192.0.2.12 inside set(tunnel(...))
  private static final Pattern TUN_ID = Pattern.compile("\\btun_id=(0x[0-9a-f]+|\\d+)");
  private static final Pattern TUN_DST = Pattern.compile("(?:\\(|,)(?:ipv6_)?dst=([0-9a-f.:]+)");

  static DatapathActions parse(String actions) {
    List<Output> out = new ArrayList<>();
    String tunId = "";
    String tunDst = "";
    for (String a : topLevel(actions)) {
      if (a.startsWith("set(tunnel(") || a.startsWith("set(tunnel6(")) {
        Matcher id = TUN_ID.matcher(a);
        Matcher dst = TUN_DST.matcher(a);
        tunId = id.find() ? id.group(1) : "0";
        tunDst = dst.find() ? dst.group(1) : "";
      } else if (a.matches("\\d+")) {
        out.add(new Output(Integer.parseInt(a), tunId, tunDst));
        tunId = "";
        tunDst = "";
      }
    }
    return new DatapathActions(out);
  }

  /** The actions separated by the commas outside parentheses. */
  static List<String> topLevel(String actions) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : actions.trim().toCharArray()) {
      if (c == ',' && depth == 0) {
        out.add(cur.toString().trim());
        cur.setLength(0);
        continue;
      }
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      cur.append(c);
    }
    if (!cur.isEmpty()) {
      out.add(cur.toString().trim());
    }
    return out;
  }
}
