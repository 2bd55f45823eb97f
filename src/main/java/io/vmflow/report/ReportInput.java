package io.vmflow.report;

import io.vmflow.cause.LossCause;
import io.vmflow.finding.Finding;
import io.vmflow.ping.PingResults;
import io.vmflow.topology.Topology;
import java.util.List;

/**
 * Everything a report is rendered from; built by the render step from stored stage results.
 *
 * @param pings per VM port, the capture points and flows seen on its path and the loss localised
 *     there
 * @param sources the files evidence may cite, for the evidence pages
 * @param causes for each localised loss, the findings that explain it
 */
public record ReportInput(
    RunInfo run,
    Topology topology,
    List<Finding> findings,
    PingResults pings,
    List<EvidenceSource> sources,
    List<LossCause> causes) {

  /** Without causes (no cause stage ran). */
  public ReportInput(
      RunInfo run,
      Topology topology,
      List<Finding> findings,
      PingResults pings,
      List<EvidenceSource> sources) {
    this(run, topology, findings, pings, sources, List.of());
  }

  public ReportInput {
    causes = causes == null ? List.of() : List.copyOf(causes);
    findings = List.copyOf(findings);
    sources = List.copyOf(sources);
    java.util.Objects.requireNonNull(pings, "pings");
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
