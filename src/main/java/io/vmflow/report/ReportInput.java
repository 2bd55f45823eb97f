package io.vmflow.report;

import io.vmflow.cause.LossCause;
import io.vmflow.check.VmFinding;
import io.vmflow.topology.Topology;
import java.util.List;
import java.util.Map;

/**
 * Everything a report is rendered from; built by the render step from stored stage results.
 *
 * @param pings per VM id, the capture points and flows seen on its path
 * @param losses per VM id, the loss segments localised on its path
 * @param sources the files evidence may cite, for the evidence pages
 * @param causes for each localised loss, the findings that explain it
 */
public record ReportInput(
    RunInfo run,
    Topology topology,
    List<VmFinding> findings,
    Map<String, List<PingRow>> pings,
    Map<String, List<LossRow>> losses,
    Map<String, List<PointTimeline>> timelines,
    List<EvidenceSource> sources,
    List<LossCause> causes) {

  /** Without causes (no cause stage ran). */
  public ReportInput(
      RunInfo run,
      Topology topology,
      List<VmFinding> findings,
      Map<String, List<PingRow>> pings,
      Map<String, List<LossRow>> losses,
      Map<String, List<PointTimeline>> timelines,
      List<EvidenceSource> sources) {
    this(run, topology, findings, pings, losses, timelines, sources, List.of());
  }

  public ReportInput {
    causes = causes == null ? List.of() : List.copyOf(causes);
    findings = List.copyOf(findings);
    sources = List.copyOf(sources);
    pings = Map.copyOf(pings);
    losses = Map.copyOf(losses);
    timelines = Map.copyOf(timelines);
  }

  /** The run as the report's header shows it. */
  public record RunInfo(String version, String generatedAt, List<InputFile> inputs) {
    public RunInfo {
      inputs = List.copyOf(inputs);
    }
  }

  /** One input given on the command line. */
  public record InputFile(String path, long size, String sha256) {}
}
