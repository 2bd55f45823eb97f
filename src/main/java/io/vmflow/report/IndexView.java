package io.vmflow.report;

import io.vmflow.finding.Severity;
import io.vmflow.report.Report.FindingView;
import io.vmflow.report.Report.VmView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What index.html lists, kept to a size a browser opens at once and a mail carries. Up to {@link
 * #FLAT_VMS} VMs are one table; beyond, the table holds the VMs that need a look (not OK) and the
 * OK ones are grouped per host in collapsed {@code <details>}, which work without script. Up to
 * {@link #MAX_FINDINGS} findings are listed, most severe first; the rest are counted per code and
 * listed on their VMs' pages.
 *
 * @param vms the VMs of the main table
 * @param okByHost OK VMs per host name, empty when every VM is in the main table
 * @param findings the findings listed, most severe first
 * @param moreFindings how many findings are not listed
 * @param codes every finding code with its severity and count, most severe first
 */
public record IndexView(
    List<VmView> vms,
    List<HostGroup> okByHost,
    List<FindingView> findings,
    int moreFindings,
    List<CodeCount> codes) {

  static final int FLAT_VMS = 500;
  static final int MAX_FINDINGS = 500;

  /** The OK VMs of one host. */
  public record HostGroup(String host, List<VmView> vms) {}

  /** How often one finding code occurs. */
  public record CodeCount(String code, Severity severity, int count) {}

  static IndexView of(Report report) {
    List<VmView> main = report.vms();
    List<HostGroup> groups = List.of();
    if (main.size() > FLAT_VMS) {
      main = report.vms().stream().filter(v -> !v.status().equals("OK")).toList();
      Map<String, List<VmView>> byHost = new LinkedHashMap<>();
      report.vms().stream()
          .filter(v -> v.status().equals("OK"))
          .forEach(
              v ->
                  byHost
                      .computeIfAbsent(
                          v.host() != null ? v.host().name() : "(unknown host)",
                          k -> new ArrayList<>())
                      .add(v));
      groups =
          byHost.entrySet().stream()
              .map(e -> new HostGroup(e.getKey(), List.copyOf(e.getValue())))
              .toList();
    }
    Comparator<FindingView> severest = Comparator.comparing(FindingView::severity).reversed();
    List<FindingView> sorted = report.findings().stream().sorted(severest).toList();
    List<FindingView> listed =
        sorted.size() > MAX_FINDINGS ? sorted.subList(0, MAX_FINDINGS) : sorted;
    Map<String, CodeCount> codes = new LinkedHashMap<>();
    for (FindingView f : sorted) {
      codes.merge(
          f.code() + "\u0000" + f.severity(),
          new CodeCount(f.code(), f.severity(), 1),
          (a, b) -> new CodeCount(a.code(), a.severity(), a.count() + 1));
    }
    return new IndexView(
        main, groups, listed, sorted.size() - listed.size(), List.copyOf(codes.values()));
  }
}
