package io.vmflow.report;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.report.Report.FindingView;
import io.vmflow.report.Report.Summary;
import io.vmflow.report.Report.VmView;
import io.vmflow.topology.Host;
import io.vmflow.topology.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the stages' results into the report's content; no parsing, no analysis. */
public final class ReportBuilder {

  private ReportBuilder() {}

  public static Report build(ReportInput in) {
    Map<String, io.vmflow.cause.LossCause> causes = new HashMap<>();
    in.causes().forEach(c -> causes.putIfAbsent(c.vmId() + "\n" + c.sentence(), c));
    List<FindingView> all = in.findings().stream().map(f -> view(f, causes)).toList();
    Map<String, List<FindingView>> byVm =
        all.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    f -> f.vmId().toLowerCase(java.util.Locale.ROOT)));
    Verdict verdict = VerdictBuilder.build(in);
    Map<String, String> pages = new HashMap<>();
    List<VmView> vms = new ArrayList<>();
    for (Vm vm : in.topology().vms()) {
      String page = PageNames.unique("vm-", vm.id(), pages);
      List<FindingView> mine =
          byVm.getOrDefault(vm.id().toLowerCase(java.util.Locale.ROOT), List.of());
      Host host = in.topology().host(vm.hostKey()).orElse(null);
      PingViews p = PingViews.of(in.pings(), vm.id());
      vms.add(
          new VmView(
              vm.id(),
              vm.name(),
              status(vm, mine),
              vm.status(),
              host,
              vm.ports(),
              vm.ports().isEmpty() ? List.of() : vm.ports().get(0).hops(),
              vm.routers(),
              in.topology().l3PathsOf(vm.id()),
              in.topology().l3PathsOf(vm.id()).stream()
                  .findFirst()
                  .map(io.vmflow.topology.L3Path::hops)
                  .orElse(List.of()),
              p.pings(),
              pathOrder(vm, p.pings()),
              p.losses(),
              p.timelines(),
              histogram(p.pings()),
              mine,
              page,
              verdict.about(vm.id()),
              verdict.lines().stream().anyMatch(l -> l.peerVmIds().contains(vm.id())),
              FlowViews.of(in.pings(), vm.id(), in.topology().vms())));
    }
    Summary summary =
        new Summary(
            in.topology().hosts().size(),
            vms.size(),
            count(all, Severity.ERROR),
            count(all, Severity.WARNING),
            count(all, Severity.INFO));
    Map<String, String> hostPages = new java.util.LinkedHashMap<>();
    Map<String, String> taken = new HashMap<>(pages);
    for (Host h : in.topology().hosts()) {
      hostPages.put(h.key(), PageNames.unique("host-", h.key(), taken));
    }
    return new Report(
        in.run(),
        summary,
        in.topology().hosts(),
        hostPages,
        vms,
        all,
        EvidencePages.names(in.sources()),
        in.sources(),
        verdict,
        in.topology().controllers(),
        in.pings().unplaced().stream().map(s -> PingViews.row(s, "")).toList());
  }

  private static Report.RttHistogram histogram(List<PingRow> rows) {
    List<Long> counts = RttBuckets.total(rows);
    return new Report.RttHistogram(
        counts, RttBuckets.labels(), counts.stream().mapToLong(Long::longValue).max().orElse(0));
  }

  private static List<PingRow> pathOrder(Vm vm, List<PingRow> rows) {
    if (vm.ports().isEmpty()) {
      return rows;
    }
    List<String> devices =
        vm.ports().get(0).hops().stream().map(io.vmflow.topology.Hop::device).toList();
    return rows.stream()
        .filter(r -> devices.contains(r.point()))
        .sorted(java.util.Comparator.comparingInt(r -> devices.indexOf(r.point())))
        .toList();
  }

  private static String status(Vm vm, List<FindingView> findings) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      return "ERROR";
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
      return "WARNING";
    }
    boolean hasPath = vm.ports().stream().anyMatch(p -> !p.hops().isEmpty());
    return hasPath ? "OK" : "NO_DATA";
  }

  private static int count(List<FindingView> findings, Severity severity) {
    return (int) findings.stream().filter(f -> f.severity() == severity).count();
  }

  private static FindingView view(Finding f, Map<String, io.vmflow.cause.LossCause> causes) {
    List<Evidence> evidence = f.evidence();
    if (evidence.isEmpty() && !f.origin().isEmpty()) {
      evidence = List.of(new Evidence(f.origin(), f.line()));
    }
    io.vmflow.cause.LossCause cause = causes.get(f.vmId() + "\n" + f.message());
    return new FindingView(
        f.code(),
        f.severity(),
        f.category().name(),
        f.message(),
        f.vmId(),
        f.hostKey(),
        f.hint(),
        evidence,
        f.port(),
        f.peerVmId(),
        cause == null ? List.of() : cause.causes(),
        cause == null ? "" : cause.missing());
  }
}
