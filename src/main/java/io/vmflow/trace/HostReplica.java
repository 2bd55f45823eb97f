package io.vmflow.trace;

import io.vmflow.finding.Category;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
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

/**
 * One host's switches loaded into a {@link Replica}: its OVS bridges and ports, their dumped flows
 * (kept with the file and line they came from, to cite the rule a trace hits) and FDB, and the
 * replica's datapath port numbers (to name the port a trace's datapath actions output to).
 */
final class HostReplica implements AutoCloseable {

  static final int MAX_BRIDGES = 200;

  /** A dumped flow with the file it was read from. */
  record Located(String origin, OvsOfctlDumpFlows.Flow flow) {}

  /** One trace's output, kept in {@code file}. */
  record Traced(Path file, String text, OvsAppctlOfprotoTrace trace) {}

  final Host host;
  final Path dir;
  final Map<String, Bridge> bridges = new LinkedHashMap<>();
  final Map<String, List<Located>> flows = new HashMap<>();
  final Map<Integer, String> datapathPorts = new HashMap<>();
  private final Replica replica;

  private HostReplica(Replica replica, Host host, Path dir) {
    this.replica = replica;
    this.host = host;
    this.dir = dir;
  }

  /** Starts a replica in {@code dir} and loads {@code host}'s switches; refused flows go to out. */
  static HostReplica start(
      OvsBinaries bin, Path dir, Host host, List<Fact> facts, Duration limit, List<Finding> out)
      throws ReplicaFailure, IOException {
    Replica r = Replica.start(bin, dir, limit);
    HostReplica h = new HostReplica(r, host, dir);
    try {
      h.load(facts, out);
      return h;
    } catch (ReplicaFailure | IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  private void load(List<Fact> facts, List<Finding> out) throws ReplicaFailure, IOException {
    List<Fact> mine = facts.stream().filter(f -> f.host().equalsIgnoreCase(host.key())).toList();
    Map<String, Map<String, String>> options = tunnelOptions(mine);
    for (Bridge b : host.bridges()) {
      if (b.kind() != Bridge.Kind.OVS) {
        continue;
      }
      if (bridges.size() >= MAX_BRIDGES) {
        out.add(
            TraceFindings.failed(
                host.key(),
                host.key()
                    + ": more than "
                    + MAX_BRIDGES
                    + " OVS bridges; the rest are not"
                    + " replicated"));
        break;
      }
      SwitchLoader.bridge(replica, b, options);
      bridges.put(b.name(), b);
    }
    groups(mine, out);
    int i = 0;
    for (Fact f : mine) {
      if (!(f.value() instanceof OvsOfctlDumpFlows d)) {
        continue;
      }
      String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
      if (!bridges.containsKey(bridge)) {
        continue;
      }
      d.flows()
          .forEach(
              x ->
                  flows
                      .computeIfAbsent(bridge, k -> new ArrayList<>())
                      .add(new Located(f.origin(), x)));
      try {
        SwitchLoader.flows(replica, bridge, d.flows(), dir.resolve("flows-" + i++ + ".txt"));
      } catch (ReplicaFailure x) {
        out.add(
            new Finding(
                    Severity.WARNING,
                    Category.INPUT,
                    Tracer.FLOW_TRACE_FAILED,
                    "the replica refused the flows of "
                        + bridge
                        + " ("
                        + host.key()
                        + "): "
                        + x.getMessage(),
                    f.origin(),
                    0)
                .about("", "", host.key()));
      }
    }
    SwitchLoader.fdb(replica, host, bridges);
    datapathPorts();
  }

  // before the flows, which refer to them; sos dumps them once per OpenFlow version: each group
  // id of a bridge is loaded once, from the first dump that has it
  private void groups(List<Fact> mine, List<Finding> out) throws ReplicaFailure, IOException {
    Map<String, Map<Long, OvsOfctlDumpGroups.Group>> byBridge = new LinkedHashMap<>();
    Map<OvsOfctlDumpGroups.Group, String> origins = new HashMap<>();
    for (Fact f : mine) {
      if (f.value() instanceof OvsOfctlDumpGroups d) {
        String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
        for (OvsOfctlDumpGroups.Group g : d.groups()) {
          if (byBridge.computeIfAbsent(bridge, k -> new LinkedHashMap<>()).putIfAbsent(g.id(), g)
              == null) {
            origins.put(g, f.origin());
          }
        }
      }
    }
    int i = 0;
    for (Map.Entry<String, Map<Long, OvsOfctlDumpGroups.Group>> e : byBridge.entrySet()) {
      if (!bridges.containsKey(e.getKey())) {
        continue;
      }
      List<OvsOfctlDumpGroups.Group> groups = List.copyOf(e.getValue().values());
      Path file = dir.resolve("groups-" + i++ + ".txt");
      SwitchLoader.groups(replica, e.getKey(), groups, file)
          .forEach(
              (g, why) ->
                  out.add(
                      new Finding(
                              Severity.WARNING,
                              Category.INPUT,
                              Tracer.FLOW_TRACE_FAILED,
                              "the replica refused group "
                                  + g.id()
                                  + " of "
                                  + e.getKey()
                                  + " ("
                                  + host.key()
                                  + "): "
                                  + why
                                  + "; traces through it are not possible",
                              origins.get(g),
                              g.line())
                          .about("", "", host.key())));
    }
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

  @Override
  public void close() {
    replica.close();
  }
}
