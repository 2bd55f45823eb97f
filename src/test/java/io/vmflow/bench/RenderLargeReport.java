package io.vmflow.bench;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.ping.FlowPath;
import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.ping.PortPings;
import io.vmflow.ping.Timeline;
import io.vmflow.report.EvidenceSource;
import io.vmflow.report.Report;
import io.vmflow.report.ReportBuilder;
import io.vmflow.report.ReportInput;
import io.vmflow.report.ReportWriter;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.FdbSighting;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: renders a generated report model (not a bundle analysed end to end: the
 * other stages have their own benchmarks) of {@code vms} VMs on {@code hosts} hosts, each VM with a
 * nine-hop path cited in a per-host transcript, one VM in ten with findings, one in twenty with
 * pings and a localised loss. Prints the render time (wall and the rendering thread's CPU), peak
 * heap and the output sizes.
 *
 * <pre>
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.RenderLargeReport /tmp/bench/report 2000 50 [--single-file]
 * </pre>
 */
public final class RenderLargeReport {

  private RenderLargeReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    int vms = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    boolean single = List.of(args).contains("--single-file");
    Path sources = Files.createDirectories(out.resolveSibling(out.getFileName() + "-sources"));
    ReportInput input = input(vms, hosts, sources);
    var threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Report report = ReportBuilder.build(input);
    Path written =
        single
            ? new ReportWriter().writeSingleFile(report, out)
            : new ReportWriter().write(report, out);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    // on a shared machine the wall time includes waiting for a core; the thread's CPU time does not
    long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    long total;
    long files;
    try (Stream<Path> all = Files.walk(out)) {
      List<Path> regular = all.filter(Files::isRegularFile).toList();
      files = regular.size();
      total = 0;
      for (Path p : regular) {
        total += Files.size(p);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%d VMs on %d hosts: rendered in %d ms (%d ms CPU of the rendering thread), peak heap %.0f MiB (max %.0f MiB)%n",
        vms,
        hosts,
        ms,
        cpuMs,
        peak / 1048576.0,
        Runtime.getRuntime().maxMemory() / 1048576.0);
    System.out.printf(
        Locale.ROOT,
        "%s: %.2f MB; %d files, %.1f MB in total%n",
        written.getFileName(),
        Files.size(written) / 1e6,
        files,
        total / 1e6);
  }

  /**
   * The generated run: {@code vmCount} VMs spread over {@code hostCount} hosts, one transcript per
   * host written into {@code sources} for the evidence pages. Tests of the index's grouping use it.
   */
  public static ReportInput input(int vmCount, int hostCount, Path sources) throws IOException {
    List<Host> hosts = new ArrayList<>();
    List<Vm> vms = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<PortPings> pings = new ArrayList<>();
    List<FlowPath> flows = new ArrayList<>();
    List<EvidenceSource> evidence = new ArrayList<>();
    for (int h = 0; h < hostCount; h++) {
      String host = String.format(Locale.ROOT, "BC%02dHGSA%d", h, h % 3);
      String origin = host + "/terminal-session.txt";
      Path file = sources.resolve(host + ".txt");
      List<BridgePort> intPorts = new ArrayList<>();
      List<Bridge> bridges = new ArrayList<>();
      List<FdbSighting> fdb = new ArrayList<>();
      try (Writer w = Files.newBufferedWriter(file)) {
        int line = 0;
        Vm previous = null;
        for (int v = h; v < vmCount; v += hostCount) {
          String dev = String.format(Locale.ROOT, "%08x-%02x", 0x1c650000 + v, v % 256);
          String mac =
              String.format(
                  Locale.ROOT, "fa:16:3e:%02x:%02x:%02x", v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
          List<Hop> hops = new ArrayList<>();
          String[][] path = {
            {"tap" + dev, "TAP", "qbr" + dev},
            {"qbr" + dev, "LINUX_BRIDGE", ""},
            {"qvb" + dev, "VETH_BRIDGE_SIDE", "qbr" + dev},
            {"qvo" + dev, "VETH_OVS_SIDE", "br-int"},
            {"br-int", "INTEGRATION_BRIDGE", ""},
            {"patch-tun", "PATCH", "br-int"},
            {"br-tun", "TUNNEL_BRIDGE", ""},
            {"vxlan-0a000001", "TUNNEL", "br-tun"},
            {"eth1", "PHYSICAL_NIC", ""}
          };
          for (String[] p : path) {
            w.write(
                p[0]
                    + " "
                    + mac
                    + " ofport "
                    + (v % 200 + 1)
                    + " tag "
                    + (v % 4000 + 1)
                    + " seen in the dump\n");
            line++;
            hops.add(
                new Hop(
                    p[0],
                    HopKind.valueOf(p[1]),
                    p[2],
                    p[2].isEmpty() ? "" : String.valueOf(v % 200 + 1),
                    p[2].equals("br-int") ? v % 4000 + 1 : -1,
                    mac,
                    true,
                    host,
                    p[0].startsWith("patch") ? "patch-int" : "",
                    List.of(),
                    List.of(new Evidence(origin, line), new Evidence(origin, line + 1))));
          }
          intPorts.add(
              new BridgePort(
                  "qvo" + dev,
                  String.valueOf(v % 200 + 1),
                  v % 4000 + 1,
                  List.of(),
                  "",
                  "",
                  "",
                  "",
                  false,
                  mac,
                  true,
                  List.of(new Evidence(origin, line))));
          fdb.add(
              new FdbSighting(
                  "br-int",
                  String.valueOf(v % 200 + 1),
                  v % 4000 + 1,
                  mac,
                  "3",
                  new Evidence(origin, line)));
          String id =
              String.format(Locale.ROOT, "%08x-b34d-4f90-8670-%012x", 0x88000000L + v, (long) v);
          VmPort port =
              new VmPort(
                  "port-" + id,
                  "",
                  dev,
                  mac,
                  List.of("10." + (v >> 16 & 0xff) + "." + (v >> 8 & 0xff) + "." + (v & 0xff)),
                  "net-" + (v % 7),
                  "tenant-net-" + (v % 7),
                  List.of("10.0.0.0/8"),
                  "ACTIVE",
                  hops,
                  List.of(),
                  List.of(new Evidence(origin, line)));
          vms.add(
              new Vm(
                  id,
                  "vm-" + v + "-web",
                  "ACTIVE",
                  host,
                  List.of(port),
                  List.of(),
                  List.of(new Evidence(origin, line))));
          if (v % 10 == 0) {
            findings.add(
                Finding.network(
                        v % 50 == 0 ? Severity.ERROR : Severity.WARNING,
                        "FLOW_DROP_ON_PORT",
                        "drop flow on qvo" + dev + " matching the VM's MAC",
                        origin,
                        line)
                    .about(id, "", host)
                    .withHint("inspect br-int flows", List.of(new Evidence(origin, line))));
          }
          if (v % 20 == 0) {
            pings.add(pings(id, port.portId(), dev, origin));
            if (previous != null) {
              flows.add(flow(vms.get(vms.size() - 1), previous, dev, origin));
            }
          }
          previous = vms.get(vms.size() - 1);
        }
      }
      bridges.add(
          new Bridge("br-int", Bridge.Kind.OVS, intPorts, List.of(new Evidence(origin, 1))));
      hosts.add(
          new Host(
              host,
              "hyp-" + h,
              host,
              List.of("192.168.0." + h),
              bridges,
              fdb,
              List.of(),
              List.of(),
              List.of(),
              List.of()));
      evidence.add(new EvidenceSource(origin, file));
    }
    return new ReportInput(
        new ReportInput.RunInfo("bench", "2024-01-01T00:00:00Z", List.of()),
        new Topology(hosts, vms, List.of()),
        findings,
        new PingResults(pings, List.of(), List.of(), List.of(), flows),
        evidence);
  }

  // a flow from one VM to the VM before it on its host: both paths meet at br-int
  private static FlowPath flow(Vm from, Vm to, String dev, String origin) {
    List<Hop> hops = new ArrayList<>(from.ports().get(0).hops().subList(0, 5));
    List<Hop> back = new ArrayList<>(to.ports().get(0).hops().subList(0, 4));
    Collections.reverse(back);
    hops.addAll(back);
    String qvo = to.ports().get(0).hops().get(3).device();
    return new FlowPath(
        "10.0.0.107 > 10.0.0.17 id 7",
        from.id(),
        from.ports().get(0).portId(),
        to.id(),
        to.ports().get(0).portId(),
        hops,
        List.of(
            stats("tap" + dev, 100, 55, 45, List.of(), origin),
            stats("qvo" + dev, 100, 55, 45, List.of(), origin),
            stats(qvo, 100, 100, 0, List.of(), origin)),
        List.of(
            new LossSegment(
                qvo, "qvo" + dev, "reply", 100, 45, "10.0.0.107 > 10.0.0.17 id 7", "br-int")));
  }

  private static PortPings pings(String id, String port, String dev, String origin) {
    String flow = "10.0.0.107 > 10.0.0.17 id 7";
    List<Long> hist = List.of(0L, 40L, 50L, 10L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
    List<Integer> all = Collections.nCopies(100, 1);
    List<Integer> some = new ArrayList<>(all);
    for (int i = 0; i < 100; i += 2) {
      some.set(i, 0);
    }
    return new PortPings(
        id,
        port,
        List.of(
            stats("tap" + dev, 100, 100, 0, hist, origin),
            stats("qvo" + dev, 100, 55, 45, hist, origin)),
        List.of(
            new LossSegment(
                "tap" + dev, "qvo" + dev, "reply", 100, 45, flow, "qbr" + dev + ", qvb" + dev)),
        List.of(),
        List.of(
            new Timeline("tap" + dev, flow, 1, 1, all, all),
            new Timeline("qvo" + dev, flow, 1, 1, all, some)));
  }

  private static PointFlowStats stats(
      String point, long requests, long answered, long unanswered, List<Long> hist, String origin) {
    return new PointFlowStats(
        point,
        "10.0.0.107",
        "10.0.0.17",
        7,
        requests,
        answered,
        answered,
        unanswered,
        0,
        0,
        0,
        0,
        0.1,
        0.2,
        0.9,
        0.2,
        0.8,
        List.of(),
        List.of(),
        hist,
        origin,
        0);
  }
}
