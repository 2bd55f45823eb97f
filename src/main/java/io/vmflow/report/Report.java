package io.vmflow.report;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Severity;
import io.vmflow.report.ReportInput.RunInfo;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Host;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.List;
import java.util.Map;

/**
 * The report's content, shared by report.json and the HTML pages. Field names are the JSON contract
 * documented in the README. {@code hosts} holds hypervisors only; what was read from controllers is
 * {@code controllers}.
 */
public record Report(
    RunInfo run,
    Summary summary,
    List<Host> hosts,
    Map<String, String> hostPages,
    List<VmView> vms,
    List<FindingView> findings,
    Map<String, String> evidencePages,
    @com.fasterxml.jackson.annotation.JsonIgnore List<EvidenceSource> sources,
    Verdict verdict,
    List<io.vmflow.topology.ControllerData> controllers,
    List<PingRow> otherPings) {

  /**
   * The findings a host's page lists: those about the host, and those about the VMs it runs (worst
   * first).
   */
  public List<FindingView> findingsOfHost(String key) {
    java.util.Set<String> vmsHere = new java.util.HashSet<>();
    vms.stream()
        .filter(v -> v.host() != null && v.host().key().equalsIgnoreCase(key))
        .forEach(v -> vmsHere.add(v.id().toLowerCase(java.util.Locale.ROOT)));
    return findings.stream()
        .filter(
            f ->
                f.host().equalsIgnoreCase(key)
                    || vmsHere.contains(f.vmId().toLowerCase(java.util.Locale.ROOT)))
        .filter(f -> !LogTimeline.CODES.contains(f.code()))
        .sorted(java.util.Comparator.comparing(FindingView::severity))
        .toList();
  }

  /** The daemon log events of a host, oldest first (its page shows them as a timeline). */
  public List<LogTimeline.Row> logTimelineOfHost(String key) {
    return LogTimeline.of(
        findings.stream()
            .filter(f -> f.host().equalsIgnoreCase(key) && f.vmId().isEmpty())
            .toList());
  }

  /** The name of VM {@code id} as pages show it: its name, else its id; "" for "". */
  public String vmName(String id) {
    return vms.stream()
        .filter(v -> v.id().equalsIgnoreCase(id))
        .findFirst()
        .map(v -> v.name().isBlank() ? v.id() : v.name())
        .orElse(id);
  }

  /** Counts for the one-line summary and the exit status. */
  public record Summary(int hosts, int vms, int errors, int warnings, int infos) {
    public int count(Severity severity) {
      return switch (severity) {
        case ERROR -> errors;
        case WARNING -> warnings;
        case INFO -> infos;
      };
    }
  }

  /**
   * One VM: identity, its first port's hops at top level (the path most reports need), every port,
   * pings and findings.
   *
   * @param status {@code OK}, {@code WARNING}, {@code ERROR} or {@code NO_DATA}
   * @param host the host it runs on; report.json gives only its key, id, name and IPs here
   * @param l3Paths each port's routed path (VM, gateway, router namespaces, external gateway)
   * @param l3Path the first port's routed path (hops like {@code hops} plus ip, namespace, route)
   * @param pings every capture point and flow seen on the VM's path
   * @param pingPath the same rows in path order of the VM's first port (VM side first)
   * @param page file name of its HTML page
   * @param verdict the verdict lines about this VM: its own problems and losses where it is the
   *     peer
   * @param affected true when a loss between this VM and another is the other VM's problem (this
   *     one is the peer, not the victim)
   * @param flowPaths each flow between this VM and another VM of the dump, drawn as the one path it
   *     takes, with its capture points and loss segment
   */
  public record VmView(
      String id,
      String name,
      String status,
      String vmStatus,
      // the full host is under "hosts"; repeating it per VM made report.json 40 kB per VM
      @com.fasterxml.jackson.annotation.JsonIgnoreProperties({
            "bridges",
            "fdb",
            "links",
            "coverage",
            "dropFlows",
            "evidence"
          })
          Host host,
      List<VmPort> ports,
      List<Hop> hops,
      List<Vm.RouterInfo> routers,
      List<io.vmflow.topology.L3Path> l3Paths,
      List<io.vmflow.topology.L3Hop> l3Path,
      List<PingRow> pings,
      List<PingRow> pingPath,
      List<LossRow> lossSegments,
      List<PointTimeline> timelines,
      RttHistogram rttHistogram,
      List<FindingView> findings,
      String page,
      List<Verdict.Line> verdict,
      boolean affected,
      List<FlowView> flowPaths) {

    public VmView {
      flowPaths = flowPaths == null ? List.of() : List.copyOf(flowPaths);
    }

    /**
     * The daemon log events that fell inside this VM's captures ({@code SWITCH_EVENT_IN_CAPTURE}).
     */
    public List<FindingView> duringCapture() {
      return findings.stream().filter(f -> f.code().equals("SWITCH_EVENT_IN_CAPTURE")).toList();
    }

    /** True when the path diagram marks this hop of port {@code p} as where loss was localised. */
    public boolean lossAt(VmPort p, int hop) {
      return marks(p).boxes().contains(hop);
    }

    /** True when the link from hop {@code hop} to the next lies inside a localised loss. */
    public boolean lossAfter(VmPort p, int hop) {
      return marks(p).edges().contains(hop);
    }

    // each port's loss segments were localised along that port's own path; a loss between two VMs
    // that leaves this path is marked on the flow's own diagram, not on this one
    private LossMarks marks(VmPort p) {
      List<String> devices = io.vmflow.ping.PathLossLocaliser.names(p.hops());
      java.util.Set<String> drawn =
          flowPaths.stream().map(FlowView::flow).collect(java.util.stream.Collectors.toSet());
      List<LossRow> mine =
          lossSegments.stream()
              .filter(l -> l.port().equals(p.portId()))
              .filter(
                  l ->
                      !drawn.contains(l.flow())
                          || (devices.contains(l.from()) && devices.contains(l.to())))
              .toList();
      return mine.isEmpty()
          ? new LossMarks(java.util.Set.of(), java.util.Set.of())
          : LossMarks.of(devices, mine);
    }
  }

  /** Answered echoes per RTT bucket over all the VM's points and flows, with the labels to draw. */
  public record RttHistogram(List<Long> counts, List<String> labels, long max) {}

  /**
   * A finding with what it concerns and its evidence.
   *
   * @param causes for a localised loss ({@code PING_LOSS_LOCALISED}), the findings on its segment
   *     that explain it, strongest first; empty otherwise
   * @param uncaused for a loss without a found cause, the evidence that was missing; "" otherwise
   */
  public record FindingView(
      String code,
      Severity severity,
      String category,
      String message,
      String vmId,
      String host,
      String hint,
      List<Evidence> evidence,
      String port,
      String peerVmId,
      List<io.vmflow.cause.LossCause.Ref> causes,
      String uncaused) {
    public FindingView {
      causes = causes == null ? List.of() : List.copyOf(causes);
      uncaused = uncaused == null ? "" : uncaused;
    }
  }
}
