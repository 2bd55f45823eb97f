package io.vmflow.trace;

import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules a trace hit, tied back to the dump: the dumped flow a trace step is (same bridge,
 * table, priority, cookie and match), and the step whose output sent the packet to a given port.
 */
final class Rules {

  private Rules() {}

  /** A dumped flow: the file and line it is on. */
  record DumpLine(String origin, int line, OvsOfctlDumpFlows.Flow flow) {}

  /** "br-int table 0, priority 200, icmp,in_port=1,icmp_type=0, cookie 0x5". */
  static String describe(OvsAppctlOfprotoTrace.Step s) {
    return s.bridge()
        + " table "
        + s.table()
        + ", priority "
        + s.priority()
        + (s.match().isEmpty() ? "" : ", " + s.match())
        + (s.cookie().isEmpty() ? "" : ", cookie " + s.cookie());
  }

  /**
   * The dumped flow the step hit: the one with the step's table, priority, cookie and match fields;
   * when no match is the same field for field, the only flow with that table, priority and cookie.
   */
  static Optional<DumpLine> dumpLine(HostReplica h, OvsAppctlOfprotoTrace.Step s) {
    List<HostReplica.Located> flows =
        h.flows.getOrDefault(s.bridge(), List.of()).stream()
            .filter(f -> f.flow().table() == s.table() && f.flow().priority() == s.priority())
            .filter(f -> cookie(f.flow().cookie()).equals(cookie(s.cookie())))
            .toList();
    Set<String> want = fields(s.match());
    Optional<HostReplica.Located> same =
        flows.stream().filter(f -> fields(f.flow()).equals(want)).findFirst();
    if (same.isEmpty() && flows.size() == 1) {
      same = Optional.of(flows.get(0));
    }
    return same.map(f -> new DumpLine(f.origin(), f.flow().line(), f.flow()));
  }

  private static String cookie(String c) {
    String v = c.isEmpty() ? "0" : c.toLowerCase(java.util.Locale.ROOT);
    return v.replaceFirst("^0x0*(?=.)", "").replaceFirst("^0+(?=.)", "");
  }

  private static Set<String> fields(String match) {
    Set<String> out = new HashSet<>();
    for (String m : DatapathActions.topLevel(match)) {
      if (!m.isEmpty() && !m.startsWith("priority=")) {
        out.add(m);
      }
    }
    return out;
  }

  private static Set<String> fields(OvsOfctlDumpFlows.Flow f) {
    Set<String> out = new HashSet<>();
    f.match().forEach(m -> out.add(m.value().isEmpty() ? m.name() : m.name() + "=" + m.value()));
    return out;
  }

  /**
   * The step that sent the packet to {@code port} of {@code bridge}: the last one whose output
   * action names that port, or a patch port leading to its bridge; else the first NORMAL of the
   * trace (a MAC table entry chose the way).
   */
  static Optional<OvsAppctlOfprotoTrace.Step> sender(
      HostReplica h, List<OvsAppctlOfprotoTrace.Step> steps, String bridge, String port) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      OvsAppctlOfprotoTrace.Step s = steps.get(i);
      Bridge b = h.bridges.get(s.bridge());
      if (b == null) {
        continue;
      }
      for (String a : s.actions()) {
        Optional<BridgePort> to = target(b, a);
        if (to.isPresent() && leadsTo(h, b, to.get(), bridge, port, 3)) {
          return Optional.of(s);
        }
      }
    }
    // no rule names it: the first MAC table that switched the packet chose the way
    return steps.stream().filter(s -> s.actions().contains("NORMAL")).findFirst();
  }

  private static boolean leadsTo(
      HostReplica h, Bridge from, BridgePort p, String bridge, String port, int hops) {
    if (from.name().equals(bridge) && p.name().equals(port)) {
      return true;
    }
    if (hops == 0 || p.peer().isEmpty()) {
      return false;
    }
    for (Bridge b : h.bridges.values()) {
      Optional<BridgePort> peer = b.port(p.peer());
      if (peer.isPresent()) {
        if (b.name().equals(bridge)) {
          return true;
        }
        for (BridgePort q : b.ports()) {
          if (!q.peer().isEmpty() && q != peer.get() && leadsTo(h, b, q, bridge, port, hops - 1)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // set_tunnel:0x3e9, set_tunnel64:0x3e9, load:0x3e9->NXM_NX_TUN_ID[], set_field:0x3e9->tun_id
  private static final java.util.regex.Pattern TUN_ID =
      java.util.regex.Pattern.compile(
          "^(?:set_tunnel(?:64)?:(\\w+)|load:(\\w+)->NXM_NX_TUN_ID\\[\\]|set_field:(\\w+)->tun_id)$");

  /**
   * The tunnel id the packet carries out of tunnel port {@code port} of {@code bridge}: the last
   * one the trace's rules on that bridge set before their output to it; "0" when none did.
   */
  static String tunnelId(List<OvsAppctlOfprotoTrace.Step> steps, Bridge bridge, BridgePort port) {
    String id = "";
    for (OvsAppctlOfprotoTrace.Step s : steps) {
      if (!s.bridge().equals(bridge.name())) {
        continue;
      }
      for (String a : s.actions()) {
        java.util.regex.Matcher m = TUN_ID.matcher(a);
        if (m.matches()) {
          id = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        } else if (target(bridge, a).filter(p -> p.name().equals(port.name())).isPresent()) {
          return id.isEmpty() ? "0" : id;
        }
      }
    }
    return id.isEmpty() ? "0" : id;
  }

  // output:3, output:"qvo1c65142e-2a", output(port=3,max_len=65535), enqueue:3:1
  static Optional<BridgePort> target(Bridge b, String action) {
    String port;
    if (action.startsWith("output:")) {
      port = action.substring(7);
    } else if (action.startsWith("output(port=")) {
      port = action.substring(12).split("[,)]")[0];
    } else if (action.startsWith("enqueue:")) {
      port = action.substring(8).split(":")[0];
    } else {
      return Optional.empty();
    }
    String name = port.replace("\"", "").trim();
    return b.ports().stream()
        .filter(p -> p.ofport().equals(name) || p.name().equals(name))
        .findFirst();
  }
}
