package io.vmflow.trace;

import io.vmflow.finding.Finding;
import io.vmflow.model.Ipv4;
import io.vmflow.parse.OvsAppctlOfprotoTrace;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.VmPort;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Entry point of the trace stage: each loss's packet through a replica of its hosts' switches,
 * entering where the loss segment enters a switch and followed across patch ports and, where the
 * peer host is in the dump, across the tunnel into the peer's replica.
 */
public final class Tracer {

  static final String FLOW_TRACE_UNAVAILABLE = "FLOW_TRACE_UNAVAILABLE";
  static final String FLOW_TRACE_FAILED = "FLOW_TRACE_FAILED";
  static final String FLOW_TRACE_DROPS = "FLOW_TRACE_DROPS";
  // hosts one trace may cross: the sender's, the receiver's and one more (a network node)
  static final int MAX_HOSTS = 3;

  private Tracer() {}

  /**
   * Trace findings (on the loss's VM and host) and coverage findings about the trace itself.
   *
   * @param millis each replica's milliseconds per part (daemons, bridges, groups, flows, fdb,
   *     dpctl, traces, stop), for the log
   */
  public record Result(List<Finding> findings, int traces, Map<String, Map<String, Long>> millis) {
    public Result {
      findings = List.copyOf(findings);
      millis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(millis));
    }

    public Result(List<Finding> findings, int traces) {
      this(findings, traces, Map.of());
    }
  }

  /** Where a packet enters a replica: bridge, port, and how it got there ("" from the segment). */
  private record Entry(String bridge, BridgePort port, String tunnel, String from) {}

  /**
   * @param root the run's replica folder ({@code .vmflow/replica}); cleaned of a previous run's
   *     left-overs first
   */
  public static Result trace(
      Path root, Topology t, List<Fact> facts, List<LossCase> losses, Duration limit) {
    return trace(OvsBinaries::find, root, t, facts, losses, limit);
  }

  static Result trace(
      Supplier<Optional<OvsBinaries>> binaries,
      Path root,
      Topology t,
      List<Fact> facts,
      List<LossCase> losses,
      Duration limit) {
    List<Finding> out = new ArrayList<>();
    Janitor.clean(root);
    if (losses.isEmpty()) {
      return new Result(out, 0);
    }
    var bin = binaries.get();
    if (bin.isEmpty()) {
      out.add(TraceFindings.unavailable());
      return new Result(out, 0);
    }
    // losses grouped by the host they start on, so that one replica serves them in a row
    Map<String, Integer> order = new LinkedHashMap<>();
    losses.forEach(l -> l.hosts().forEach(h -> order.putIfAbsent(lower(h), order.size())));
    List<LossCase> sorted =
        losses.stream()
            .sorted(
                Comparator.comparing(
                    (LossCase l) -> l.hosts().isEmpty() ? 0 : order.get(lower(l.hosts().get(0)))))
            .toList();
    int traces = 0;
    Replicas replicas = new Replicas(bin.get(), root, t, facts, losses, limit, out);
    try (replicas) {
      // the hosts a trace enters from its segment, then the segments' other hosts (a trace
      // reaches them by tunnel), are built at once, in parallel
      List<String> entered = new ArrayList<>();
      List<String> crossed = new ArrayList<>();
      for (LossCase l : sorted) {
        for (String h : l.hosts()) {
          if (t.host(h).isPresent()) {
            (entry(t, l, h).isPresent() ? entered : crossed).add(h);
          }
        }
      }
      entered.addAll(crossed);
      replicas.prepare(entered.stream().distinct().toList());
      for (LossCase l : sorted) {
        traces += traceLoss(replicas, t, l, out);
      }
    }
    return new Result(out, traces, replicas.millis());
  }

  // each host of the segment is traced from where the segment enters its switches, unless a
  // trace from an earlier host already crossed the tunnel into it
  private static int traceLoss(Replicas replicas, Topology t, LossCase l, List<Finding> out) {
    Set<String> done = new HashSet<>();
    int traces = 0;
    for (String hostKey : l.hosts().stream().distinct().toList()) {
      if (done.contains(lower(hostKey)) || t.host(hostKey).isEmpty()) {
        continue;
      }
      Optional<Entry> entry = entry(t, l, hostKey);
      if (entry.isEmpty()) {
        continue;
      }
      Optional<HostReplica> h = replicas.get(hostKey);
      if (h.isPresent()) {
        traces += follow(replicas, t, l, h.get(), entry.get(), done, out);
      }
    }
    return traces;
  }

  // the packet enters the first OVS bridge of the segment on this host through the device before
  // it; a packet from a tunnel carries a tunnel id the segment does not give: not entered there
  private static Optional<Entry> entry(Topology t, LossCase l, String hostKey) {
    var host = t.host(hostKey).orElseThrow();
    for (int i = 1; i < l.devices().size(); i++) {
      boolean here =
          l.hosts().get(i).equalsIgnoreCase(hostKey)
              && l.hosts().get(i - 1).equalsIgnoreCase(hostKey);
      Bridge b =
          host.bridge(l.devices().get(i)).filter(x -> x.kind() == Bridge.Kind.OVS).orElse(null);
      if (!here || b == null) {
        continue;
      }
      String in = l.devices().get(i - 1);
      Bridge prev = host.bridge(in).orElse(null);
      if (prev != null) {
        // the path names the bridge before, not its patch port: enter through our side's patch
        in =
            b.ports().stream()
                .filter(p -> !p.peer().isEmpty() && prev.port(p.peer()).isPresent())
                .map(BridgePort::name)
                .findFirst()
                .orElse(in);
      }
      BridgePort port = b.port(in).orElse(null);
      boolean tunnel =
          port != null
              && (port.type().matches(TunnelHop.TUNNEL_TYPES)
                  || in.matches("(vxlan|gre|geneve|stt)-.*"));
      if (port != null && !tunnel && port.ofport().matches("\\d+")) {
        return Optional.of(new Entry(b.name(), port, "", ""));
      }
    }
    return Optional.empty();
  }

  private static int follow(
      Replicas replicas,
      Topology t,
      LossCase l,
      HostReplica h,
      Entry e,
      Set<String> done,
      List<Finding> out) {
    done.add(lower(h.host.key()));
    String flow =
        e.tunnel()
            + "in_port="
            + e.port().ofport()
            + ",icmp,dl_src="
            + mac(t, l.packetSrc(), l.packetDst())
            + ",dl_dst="
            + mac(t, l.packetDst(), l.packetSrc())
            + ",nw_src="
            + l.packetSrc()
            + ",nw_dst="
            + l.packetDst()
            + ",icmp_type="
            + l.icmpType()
            + ",icmp_code=0";
    String entering =
        e.bridge() + " from " + e.port().name() + (e.from().isEmpty() ? "" : " (" + e.from() + ")");
    // a flow table with conntrack (neutron's native firewall) recirculates the packet once per
    // ct(): a request is the first packet of its connection, a reply belongs to the connection
    // its request opened; one state per recirculation, two cover both zones
    String ct = ctState(l);
    String name = "trace-" + Math.abs((l.sentence() + e.bridge()).hashCode()) + ".txt";
    HostReplica.Traced traced;
    try {
      traced = h.trace(e.bridge(), flow, ct, name);
    } catch (ReplicaFailure | IOException x) {
      out.add(TraceFindings.failed(h.host.key(), x.getMessage()));
      return 1;
    }
    OvsAppctlOfprotoTrace trace = traced.trace();
    if (trace.drops() && !trace.steps().isEmpty()) {
      out.add(
          TraceFindings.drops(h, l, entering, traced, traced.text().contains("recirc(") ? ct : ""));
      return 1;
    }
    DatapathActions actions = DatapathActions.parse(trace.datapathActions());
    Optional<Finding> wrong = Misdelivery.check(h, t, l, entering, traced, actions);
    if (wrong.isPresent()) {
      out.add(wrong.get());
      return 1;
    }
    int traces = 1;
    for (TunnelHop.Exit x : TunnelHop.exits(h, trace.steps(), actions)) {
      if (done.size() >= MAX_HOSTS) {
        break;
      }
      Optional<TunnelHop> hop = TunnelHop.of(t, h.host, x.port().type(), x.tunDst());
      if (hop.isEmpty() || done.contains(lower(hop.get().peer().key()))) {
        continue;
      }
      Optional<HostReplica> next = replicas.get(hop.get().peer().key());
      if (next.isPresent()) {
        String from =
            "from "
                + h.host.key()
                + " by "
                + x.port().name()
                + ", tun_id "
                + x.tunId()
                + ", "
                + hop.get().tunSrc()
                + " > "
                + x.tunDst();
        Entry in =
            new Entry(hop.get().bridge(), hop.get().port(), hop.get().fields(x.tunId()), from);
        traces += follow(replicas, t, l, next.get(), in, done, out);
      }
    }
    return traces;
  }

  /** The conntrack state the lost packet had: new for a request, established reply otherwise. */
  static String ctState(LossCase l) {
    return l.icmpType() == 8 ? "trk,new" : "trk,est,rpl";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /**
   * The MAC a frame carries for {@code ip} on the wire next to the VM at {@code other}: a VM port's
   * own; else a router's, as the VM reaches any address off its port through its gateway (or the
   * router's own address on its subnet): the qr- port in a router namespace holding {@code ip}, or
   * holding an address on {@code other}'s subnet. Zeros when the dump shows neither.
   */
  static String mac(Topology t, String ip, String other) {
    Optional<String> vm =
        t.vms().stream()
            .flatMap(v -> v.ports().stream())
            .filter(p -> p.ips().contains(ip))
            .map(VmPort::mac)
            .filter(m -> !m.isEmpty())
            .findFirst();
    return vm.or(() -> routerMac(t, ip, other))
        .orElse("00:00:00:00:00:00")
        .toLowerCase(Locale.ROOT);
  }

  private static Optional<String> routerMac(Topology t, String ip, String other) {
    List<Namespace.Port> gateways =
        t.namespaces().stream()
            .filter(n -> n.kind().equals("QROUTER"))
            .flatMap(n -> n.ports().stream())
            .filter(p -> p.role().equals("qr") && !p.mac().isEmpty())
            .toList();
    for (String want : List.of(ip, other)) {
      Set<String> macs = new java.util.TreeSet<>();
      for (Namespace.Port p : gateways) {
        for (String a : p.addresses()) {
          if (want.equals(ip) ? a.startsWith(ip + "/") : Ipv4.inPrefix(a, other)) {
            macs.add(p.mac().toLowerCase(Locale.ROOT));
          }
        }
      }
      // two tenants' routers on the same private subnet: which one is the VM's is not known here
      // (DVR's qr- ports share one MAC on every host, so they are one)
      if (macs.size() == 1) {
        return Optional.of(macs.iterator().next());
      }
      if (macs.size() > 1) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
