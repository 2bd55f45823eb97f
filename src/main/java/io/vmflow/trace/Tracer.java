package io.vmflow.trace;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.ping.LossCase;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.VmPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Entry point of the trace stage: each loss's packet through a replica of its hosts' switches. */
public final class Tracer {

  static final String FLOW_TRACE_UNAVAILABLE = "FLOW_TRACE_UNAVAILABLE";
  static final String FLOW_TRACE_FAILED = "FLOW_TRACE_FAILED";
  static final String FLOW_TRACE_DROPS = "FLOW_TRACE_DROPS";
  static final int MAX_BRIDGES = 200;

  private Tracer() {}

  /** Trace findings (on the loss's VM and host) and coverage findings about the trace itself. */
  public record Result(List<Finding> findings, int traces) {
    public Result {
      findings = List.copyOf(findings);
    }
  }

  /**
   * @param root the run's replica folder ({@code .vmflow/replica}); cleaned of a previous run's
   *     left-overs first
   */
  public static Result trace(
      Path root, Topology t, List<Fact> facts, List<LossCase> losses, Duration limit) {
    List<Finding> out = new ArrayList<>();
    Janitor.clean(root);
    if (losses.isEmpty()) {
      return new Result(out, 0);
    }
    var bin = OvsBinaries.find();
    if (bin.isEmpty()) {
      out.add(
          host(
              "",
              Finding.coverage(
                  Severity.INFO,
                  FLOW_TRACE_UNAVAILABLE,
                  "flow traces need Open vSwitch (ovsdb-server, ovs-vswitchd, ovs-vsctl, ovs-ofctl,"
                      + " ovs-appctl: package openvswitch-switch) on the analysing machine: with"
                      + " them each loss's packet would run through a replica of its host's flow"
                      + " tables, naming the rule that drops or misdirects it",
                  "")));
      return new Result(out, 0);
    }
    Map<String, List<LossCase>> byHost = new LinkedHashMap<>();
    for (LossCase l : losses) {
      l.hosts().stream()
          .distinct()
          .forEach(h -> byHost.computeIfAbsent(h, k -> new ArrayList<>()).add(l));
    }
    int traces = 0;
    int n = 0;
    for (Map.Entry<String, List<LossCase>> e : byHost.entrySet()) {
      Host host = t.host(e.getKey()).orElse(null);
      if (host == null) {
        continue;
      }
      Path dir = root.resolve("host-" + n++);
      try (Replica r = Replica.start(bin.get(), dir, limit)) {
        Map<String, Bridge> bridges = load(r, host, facts, dir, out);
        for (LossCase l : e.getValue()) {
          traces += traceOn(r, host, bridges, t, l, dir, out);
        }
      } catch (ReplicaFailure | IOException x) {
        out.add(host(host.key(), failed(host.key() + ": " + x.getMessage())));
      }
    }
    return new Result(out, traces);
  }

  private static Map<String, Bridge> load(
      Replica r, Host host, List<Fact> facts, Path dir, List<Finding> out)
      throws ReplicaFailure, IOException {
    Map<String, Bridge> bridges = new LinkedHashMap<>();
    for (Bridge b : host.bridges()) {
      if (b.kind() != Bridge.Kind.OVS) {
        continue;
      }
      if (bridges.size() >= MAX_BRIDGES) {
        out.add(
            host(
                host.key(),
                failed(
                    host.key()
                        + ": more than "
                        + MAX_BRIDGES
                        + " OVS bridges; the rest are not replicated")));
        break;
      }
      SwitchLoader.bridge(r, b);
      bridges.put(b.name(), b);
    }
    int i = 0;
    for (Fact f : facts) {
      if (f.host().equalsIgnoreCase(host.key()) && f.value() instanceof OvsOfctlDumpFlows d) {
        String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
        if (!bridges.containsKey(bridge)) {
          continue;
        }
        try {
          SwitchLoader.flows(r, bridge, d.flows(), dir.resolve("flows-" + i++ + ".txt"));
        } catch (ReplicaFailure x) {
          out.add(
              host(
                  host.key(),
                  new Finding(
                      Severity.WARNING,
                      io.vmflow.finding.Category.INPUT,
                      FLOW_TRACE_FAILED,
                      "the replica refused the flows of "
                          + bridge
                          + " ("
                          + host.key()
                          + "): "
                          + x.getMessage(),
                      f.origin(),
                      0)));
        }
      }
    }
    SwitchLoader.fdb(r, host, bridges);
    return bridges;
  }

  // the packet enters the first OVS bridge of the segment on this host through the device before
  // it; patch ports carry it on to the other bridges of the replica
  private static int traceOn(
      Replica r,
      Host host,
      Map<String, Bridge> bridges,
      Topology t,
      LossCase l,
      Path dir,
      List<Finding> out)
      throws IOException {
    for (int i = 1; i < l.devices().size(); i++) {
      String bridge = l.devices().get(i);
      String in = l.devices().get(i - 1);
      Bridge prev = bridges.get(in);
      if (prev != null && bridges.containsKey(bridge)) {
        // the path names the bridge before, not its patch port: enter through our side's patch
        in =
            bridges.get(bridge).ports().stream()
                .filter(p -> !p.peer().isEmpty() && prev.port(p.peer()).isPresent())
                .map(BridgePort::name)
                .findFirst()
                .orElse(in);
      }
      boolean here =
          l.hosts().get(i).equalsIgnoreCase(host.key())
              && l.hosts().get(i - 1).equalsIgnoreCase(host.key());
      Bridge b = bridges.get(bridge);
      BridgePort port = b == null ? null : b.port(in).orElse(null);
      // a packet from a tunnel carries a tunnel id the dump does not give: not traced from there
      boolean tunnel =
          port != null
              && (port.type().matches("vxlan|gre|geneve|stt")
                  || in.matches("(vxlan|gre|geneve|stt)-.*"));
      if (!here || port == null || tunnel || !port.ofport().matches("\\d+")) {
        continue;
      }
      String flow =
          "in_port="
              + port.ofport()
              + ",icmp,dl_src="
              + mac(t, l.packetSrc())
              + ",dl_dst="
              + mac(t, l.packetDst())
              + ",nw_src="
              + l.packetSrc()
              + ",nw_dst="
              + l.packetDst()
              + ",icmp_type="
              + l.icmpType()
              + ",icmp_code=0";
      Path file = dir.resolve("trace-" + Math.abs((l.sentence() + bridge).hashCode()) + ".txt");
      try {
        List<String> args = new ArrayList<>(List.of("ofproto/trace"));
        // a flow table with conntrack (neutron's native firewall) recirculates the packet once
        // per ct(): a request is the first packet of its connection, a reply belongs to the
        // connection its request opened; one state per recirculation, two cover both zones
        String ct = ctState(l);
        args.addAll(List.of("--ct-next", ct, "--ct-next", ct, bridge, flow));
        String text = r.appctl(args);
        Files.writeString(file, text);
        OvsAppctlOfprotoTrace trace = parse(file, bridge, text);
        if (trace.drops() && !trace.steps().isEmpty()) {
          out.add(drops(host, l, bridge, in, trace, file, text.contains("recirc(") ? ct : ""));
        }
      } catch (ReplicaFailure x) {
        out.add(host(host.key(), failed(x.getMessage())));
      }
      return 1;
    }
    return 0;
  }

  private static OvsAppctlOfprotoTrace parse(Path file, String bridge, String text) {
    Object v =
        ParserRegistry.parserFor(Spec.OVS_APPCTL_OFPROTO_TRACE)
            .orElseThrow()
            .parse(
                new SourceText(
                    Spec.OVS_APPCTL_OFPROTO_TRACE,
                    file.toString(),
                    1,
                    bridge,
                    text.lines().toList()))
            .value()
            .map(Object.class::cast)
            .orElse(null);
    return v instanceof OvsAppctlOfprotoTrace t ? t : new OvsAppctlOfprotoTrace(List.of(), "");
  }

  /** The conntrack state the lost packet had: new for a request, established reply otherwise. */
  static String ctState(LossCase l) {
    return l.icmpType() == 8 ? "trk,new" : "trk,est,rpl";
  }

  private static Finding drops(
      Host host,
      LossCase l,
      String bridge,
      String in,
      OvsAppctlOfprotoTrace trace,
      Path file,
      String ct) {
    OvsAppctlOfprotoTrace.Step last = trace.steps().get(trace.steps().size() - 1);
    return (Finding.network(
            Severity.ERROR,
            FLOW_TRACE_DROPS,
            "traced on a replica of "
                + host.key()
                + "'s switches, the lost echo "
                + (l.icmpType() == 8 ? "request" : "reply")
                + " entering "
                + bridge
                + " from "
                + in
                + " is dropped by "
                + last.bridge()
                + " table "
                + last.table()
                + ", priority "
                + last.priority()
                + (last.match().isEmpty() ? "" : ", " + last.match())
                + (last.cookie().isEmpty() ? "" : ", cookie " + last.cookie())
                + " after "
                + trace.steps().size()
                + " rules"
                + (ct.isEmpty()
                    ? " (no conntrack on the way)"
                    : " (conntrack state assumed: "
                        + ct.replace(",", "+")
                        + (l.icmpType() == 8
                            ? ", the first packet of its connection)"
                            : ", a reply in the connection its request opened)"))
                + "; datapath actions: drop",
            file.toString(),
            last.line()))
        .about(l.vmId(), "", host.key())
        .withHint(
            // the replica lives in the output folder's .vmflow/replica/host-N/
            "read the full trace in the report folder: .vmflow/replica/"
                + file.getParent().getFileName()
                + "/"
                + file.getFileName(),
            List.of(new Evidence(file.toString(), last.line())));
  }

  private static Finding failed(String message) {
    return Finding.coverage(
        Severity.INFO, FLOW_TRACE_FAILED, "flow trace not possible: " + message, "");
  }

  private static Finding host(String key, Finding f) {
    return (f).about("", "", key).withHint("", List.of());
  }

  private static String mac(Topology t, String ip) {
    return t.vms().stream()
        .flatMap(v -> v.ports().stream())
        .filter(p -> p.ips().contains(ip))
        .map(VmPort::mac)
        .filter(m -> !m.isEmpty())
        .findFirst()
        .orElse("00:00:00:00:00:00")
        .toLowerCase(Locale.ROOT);
  }
}
