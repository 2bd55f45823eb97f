package io.vmflow.trace;

import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsOfctlDumpGroups;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.FdbSighting;
import io.vmflow.topology.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recreates a host's dumped switches in a replica: bridges (dummy datapath, OpenFlow 1.0–1.5,
 * secure fail mode), ports with their dumped ofport numbers, VLAN tags, patch peers and tunnel
 * remotes, flows (as dump-flows printed them, counters and ages left out) and the learned MACs.
 */
final class SwitchLoader {

  static final String PROTOCOLS =
      "protocols=OpenFlow10,OpenFlow11,OpenFlow12,OpenFlow13,OpenFlow14,OpenFlow15";

  private static final List<String> TUNNEL_KEYS = List.of("key", "in_key", "out_key", "dst_port");

  private SwitchLoader() {}

  static void bridge(Replica r, Bridge b) throws ReplicaFailure {
    bridges(r, List.of(b), Map.of());
  }

  /**
   * Creates the bridges and their ports in one {@code ovs-vsctl} transaction (the first also
   * creates the database's root row), which returns once {@code ovs-vswitchd} has them and their
   * management sockets, which the flows need next.
   *
   * @param options each interface's dumped options ({@code ovs-vsctl show}); a tunnel keeps the
   *     ones that decide the tunnel id and UDP port it sends ({@code key}, {@code in_key}, {@code
   *     out_key}, {@code dst_port})
   */
  static void bridges(Replica r, List<Bridge> bridges, Map<String, Map<String, String>> options)
      throws ReplicaFailure {
    List<String> cmd = new ArrayList<>(List.of("--", "init"));
    for (Bridge b : bridges) {
      add(cmd, b, options);
    }
    r.vsctl(cmd);
  }

  private static void add(List<String> cmd, Bridge b, Map<String, Map<String, String>> options) {
    cmd.addAll(
        List.of(
            "--",
            "add-br",
            b.name(),
            "--",
            "set",
            "bridge",
            b.name(),
            "datapath_type=dummy",
            PROTOCOLS,
            "fail-mode=secure"));
    // a port seen by ovs-vsctl show and ovs-ofctl show is listed once per source: the fuller one
    Map<String, BridgePort> ports = new java.util.LinkedHashMap<>();
    for (BridgePort p : b.ports()) {
      ports.merge(
          p.name(), p, (x, y) -> x.type().isEmpty() && x.tag() < 0 ? merged(y, x) : merged(x, y));
    }
    for (BridgePort p : ports.values()) {
      if (p.name().equals(b.name())) {
        continue;
      }
      cmd.addAll(List.of("--", "add-port", b.name(), p.name()));
      if (p.tag() >= 0) {
        cmd.addAll(List.of("--", "set", "port", p.name(), "tag=" + p.tag()));
      }
      cmd.addAll(List.of("--", "set", "interface", p.name()));
      if (p.ofport().matches("\\d+")) {
        cmd.add("ofport_request=" + p.ofport());
      }
      if (p.type().equals("patch") && !p.peer().isEmpty()) {
        cmd.addAll(List.of("type=patch", "options:peer=" + p.peer()));
      } else if (p.type().matches("vxlan|gre|geneve") && !p.remoteIp().isEmpty()) {
        cmd.addAll(List.of("type=" + p.type(), "options:remote_ip=" + p.remoteIp()));
        for (String k : TUNNEL_KEYS) {
          String v = options.getOrDefault(p.name(), Map.of()).getOrDefault(k, "");
          if (v.matches("flow|\\d+|0x[0-9a-fA-F]+")) {
            cmd.add("options:" + k + "=" + v);
          }
        }
      }
    }
  }

  private static BridgePort merged(BridgePort full, BridgePort other) {
    String ofport = full.ofport().matches("\\d+") ? full.ofport() : other.ofport();
    return new BridgePort(
        full.name(),
        ofport,
        full.tag(),
        full.trunks(),
        full.type(),
        full.peer(),
        full.remoteIp(),
        full.error(),
        full.down(),
        full.mac(),
        full.inOvsdb(),
        full.evidence());
  }

  /**
   * Adds the groups with one command; when the switch refuses it, group by group, to find the ones
   * it refuses (the others stay).
   *
   * @return each refused group with what the switch said
   */
  static Map<OvsOfctlDumpGroups.Group, String> groups(
      Replica r, String bridge, List<OvsOfctlDumpGroups.Group> groups, Path file)
      throws ReplicaFailure, IOException {
    Map<OvsOfctlDumpGroups.Group, String> refused = new java.util.LinkedHashMap<>();
    if (groups.isEmpty()) {
      return refused;
    }
    Files.write(file, groups.stream().map(OvsOfctlDumpGroups.Group::text).toList());
    // OpenFlow 1.5 reads every version's group syntax (bucket ids, selection methods included)
    try {
      r.ofctl(List.of("-O", "OpenFlow15", "add-groups", r.mgmt(bridge), file.toString()));
      return refused;
    } catch (ReplicaFailure whole) {
      r.ofctl(List.of("-O", "OpenFlow15", "del-groups", r.mgmt(bridge)));
    }
    for (OvsOfctlDumpGroups.Group g : groups) {
      try {
        r.ofctl(List.of("-O", "OpenFlow15", "add-group", r.mgmt(bridge), g.text()));
      } catch (ReplicaFailure x) {
        refused.put(g, x.getMessage());
      }
    }
    return refused;
  }

  /** Loads the flows with one bundle; a flow the switch refuses fails the bridge's load. */
  static void flows(Replica r, String bridge, List<OvsOfctlDumpFlows.Flow> flows, Path file)
      throws ReplicaFailure, IOException {
    List<String> lines = new ArrayList<>();
    for (OvsOfctlDumpFlows.Flow f : flows) {
      lines.add(line(f));
    }
    Files.write(file, lines);
    r.ofctl(
        List.of("-O", "OpenFlow14", "--bundle", "replace-flows", r.mgmt(bridge), file.toString()));
  }

  static String line(OvsOfctlDumpFlows.Flow f) {
    StringBuilder s = new StringBuilder();
    if (!f.cookie().isEmpty()) {
      s.append("cookie=").append(f.cookie()).append(',');
    }
    s.append("table=").append(f.table()).append(",priority=").append(f.priority());
    for (OvsOfctlDumpFlows.Field m : f.match()) {
      s.append(',').append(m.name());
      if (!m.value().isEmpty()) {
        s.append('=').append(m.value());
      }
    }
    return s.append(" actions=")
        .append(f.actions().isEmpty() ? "drop" : String.join(",", f.actions()))
        .toString();
  }

  /** Adds the learned MACs, port numbers turned back into names; entries that fail are skipped. */
  static int fdb(Replica r, Host host, Map<String, Bridge> bridges) {
    int added = 0;
    for (FdbSighting e : host.fdb()) {
      Bridge b = bridges.get(e.bridge());
      if (b == null) {
        continue;
      }
      String port =
          b.ports().stream()
              .filter(p -> p.ofport().equals(e.port()) || p.name().equals(e.port()))
              .map(BridgePort::name)
              .findFirst()
              .orElse("");
      try {
        if (!port.isEmpty()) {
          r.appctl(List.of("fdb/add", e.bridge(), port, String.valueOf(e.vlan()), e.mac()));
          added++;
        }
      } catch (ReplicaFailure ignored) {
        // an entry the replica refuses only makes NORMAL flood where the real switch forwarded
      }
    }
    return added;
  }
}
