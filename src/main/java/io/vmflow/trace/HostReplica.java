package io.vmflow.trace;

import io.vmflow.finding.Finding;
import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.parse.OvsDpctlShow;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsOfctlDumpGroups;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One host's switches loaded into a {@link Replica}: its OVS bridges and ports, their dumped flows
 * (kept with the file and line they came from, to cite the rule a trace hits) and FDB, and the
 * replica's datapath port numbers (to name the port a trace's datapath actions output to).
 */
final class HostReplica implements AutoCloseable {

  static final int MAX_BRIDGES = 200;

  /** A dumped flow with the file it was read from. */
  record Located(String origin, OvsOfctlDumpFlows.Flow flow) {}

  /** A dumped group with the file it was read from. */
  record LocatedGroup(String origin, OvsOfctlDumpGroups.Group group) {}

  /** One trace's output, kept in {@code file}. */
  record Traced(Path file, String text, OvsAppctlOfprotoTrace trace) {}

  final Host host;
  final Path dir;
  final Map<String, Bridge> bridges = new LinkedHashMap<>();
  final Map<String, List<Located>> flows = new HashMap<>();
  final Map<Integer, String> datapathPorts = new HashMap<>();

  /** Each bridge's dumped groups, by group id. */
  final Map<String, Map<Long, LocatedGroup>> groups = new HashMap<>();

  /** Each interface's dumped options ({@code ovs-vsctl show}), by interface name. */
  final Map<String, Map<String, String>> options = new HashMap<>();

  /** Findings of the build (refused flows and groups), in the order met. */
  final List<Finding> findings = new ArrayList<>();

  /** Milliseconds spent in each part of the build, then in traces and the stop. */
  final Map<String, Long> millis = new LinkedHashMap<>();

  private final Replica replica;

  private HostReplica(Replica replica, Host host, Path dir) {
    this.replica = replica;
    this.host = host;
    this.dir = dir;
  }

  /**
   * Starts a replica in {@code dir} and loads the OVS bridges of {@code host} named in {@code
   * load}; refused flows and groups go to {@link #findings}.
   */
  static HostReplica start(
      OvsBinaries bin, Path dir, Host host, Set<String> load, List<Fact> facts, Duration limit)
      throws ReplicaFailure, IOException {
    long t0 = System.nanoTime();
    Replica r = Replica.start(bin, dir, limit);
    HostReplica h = new HostReplica(r, host, dir);
    h.took("daemons", t0);
    try {
      h.load(load, facts);
      return h;
    } catch (ReplicaFailure | IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  void took(String part, long since) {
    millis.merge(part, (System.nanoTime() - since) / 1_000_000, Long::sum);
  }

  private void load(Set<String> load, List<Fact> facts) throws ReplicaFailure, IOException {
    List<Fact> mine = facts.stream().filter(f -> f.host().equalsIgnoreCase(host.key())).toList();
    options.putAll(tunnelOptions(mine));
    for (Bridge b : host.bridges()) {
      if (b.kind() != Bridge.Kind.OVS || !load.contains(b.name())) {
        continue;
      }
      if (bridges.size() >= MAX_BRIDGES) {
        findings.add(
            TraceFindings.failed(
                host.key(),
                host.key()
                    + ": more than "
                    + MAX_BRIDGES
                    + " OVS bridges a trace can reach; the rest are not"
                    + " replicated"));
        break;
      }
      bridges.put(b.name(), b);
    }
    long t = System.nanoTime();
    SwitchLoader.bridges(replica, List.copyOf(bridges.values()), options);
    took("bridges", t);
    t = System.nanoTime();
    Map<String, List<LocatedGroup>> groupsOf = dumpedGroups(mine);
    Map<String, List<Fact>> dumps = new LinkedHashMap<>();
    for (Fact f : mine) {
      if (f.value() instanceof OvsOfctlDumpFlows d) {
        String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
        if (bridges.containsKey(bridge)) {
          dumps.computeIfAbsent(bridge, k -> new ArrayList<>()).add(f);
          d.flows()
              .forEach(
                  x ->
                      flows
                          .computeIfAbsent(bridge, k -> new ArrayList<>())
                          .add(new Located(f.origin(), x)));
        }
      }
    }
    List<BridgeTables.Tables> tables = new ArrayList<>();
    for (String b : bridges.keySet()) {
      if (groupsOf.containsKey(b) || dumps.containsKey(b)) {
        tables.add(
            new BridgeTables.Tables(
                b, groupsOf.getOrDefault(b, List.of()), dumps.getOrDefault(b, List.of())));
      }
    }
    findings.addAll(BridgeTables.load(replica, host.key(), tables, dir));
    took("flows", t);
    t = System.nanoTime();
    SwitchLoader.fdb(replica, host, bridges);
    took("fdb", t);
    t = System.nanoTime();
    datapathPorts();
    took("dpctl", t);
  }

  // sos dumps the groups once per OpenFlow version: each group id of a bridge is kept once, from
  // the first dump that has it (also kept in this.groups, to name a group a trace dies in)
  private Map<String, List<LocatedGroup>> dumpedGroups(List<Fact> mine) {
    for (Fact f : mine) {
      if (f.value() instanceof OvsOfctlDumpGroups d) {
        String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
        if (!bridges.containsKey(bridge)) {
          continue;
        }
        Map<Long, LocatedGroup> ids = groups.computeIfAbsent(bridge, k -> new LinkedHashMap<>());
        d.groups().forEach(g -> ids.putIfAbsent(g.id(), new LocatedGroup(f.origin(), g)));
      }
    }
    Map<String, List<LocatedGroup>> out = new LinkedHashMap<>();
    groups.forEach((b, ids) -> out.put(b, List.copyOf(ids.values())));
    return out;
  }

  // ovs-vsctl show's options of each tunnel interface: the keys decide the tunnel id sent
  private static Map<String, Map<String, String>> tunnelOptions(List<Fact> facts) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Fact f : facts) {
      if (f.value() instanceof OvsVsctlShow s) {
        for (OvsVsctlShow.OvsBridge b : s.bridges()) {
          for (OvsVsctlShow.OvsPort p : b.ports()) {
            for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
              out.putIfAbsent(i.name(), i.options());
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The tunnel id a tunnel port sends whatever the flows set, as OVS's tunnel configuration decides
   * it (netdev-vport's parse_key, tunnel.c's tnl_port_send): {@code out_key}, else {@code key},
   * else 0; empty when that is {@code flow} (the rules' {@code set_tunnel} decides) or when the
   * port's options were not dumped.
   */
  Optional<String> fixedTunnelKey(String port) {
    Map<String, String> o = options.getOrDefault(port, Map.of());
    if (o.isEmpty()) {
      return Optional.empty();
    }
    String key = o.getOrDefault("out_key", o.getOrDefault("key", "0"));
    return key.equals("flow") ? Optional.empty() : Optional.of(key);
  }

  private void datapathPorts() throws ReplicaFailure, IOException {
    String text = replica.appctl(List.of("dpctl/show"));
    Path file = dir.resolve("dpctl-show.txt");
    Files.writeString(file, text);
    Object v = parse(Spec.OVS_DPCTL_SHOW, file, "", text);
    if (v instanceof OvsDpctlShow d) {
      d.datapaths().forEach(dp -> dp.ports().forEach(p -> datapathPorts.put(p.number(), p.name())));
    }
  }

  /** Runs one {@code ofproto/trace} with the conntrack state {@code ct} for each recirculation. */
  Traced trace(String bridge, String flow, String ct, String name)
      throws ReplicaFailure, IOException {
    long t = System.nanoTime();
    try {
      return traceNow(bridge, flow, ct, name);
    } finally {
      took("traces", t);
    }
  }

  private Traced traceNow(String bridge, String flow, String ct, String name)
      throws ReplicaFailure, IOException {
    String text =
        replica.appctl(List.of("ofproto/trace", "--ct-next", ct, "--ct-next", ct, bridge, flow));
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    Object v = parse(Spec.OVS_APPCTL_OFPROTO_TRACE, file, bridge, text);
    OvsAppctlOfprotoTrace t =
        v instanceof OvsAppctlOfprotoTrace x ? x : new OvsAppctlOfprotoTrace(List.of(), "");
    return new Traced(file, text, t);
  }

  private static Object parse(Spec spec, Path file, String subject, String text) {
    return ParserRegistry.parserFor(spec)
        .orElseThrow()
        .parse(new SourceText(spec, file.toString(), 1, subject, text.lines().toList()))
        .value()
        .map(Object.class::cast)
        .orElse(null);
  }

  /** Asks the daemons to stop; {@link #close} waits for them. */
  void signal() {
    replica.signal();
  }

  @Override
  public void close() {
    long t = System.nanoTime();
    replica.close();
    took("stop", t);
  }
}
