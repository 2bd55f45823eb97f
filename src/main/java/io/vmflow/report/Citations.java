package io.vmflow.report;

import io.vmflow.finding.Evidence;
import io.vmflow.report.Report.FindingView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which findings cite each line of each file, so an evidence page can say so beside the line and
 * link back to where the finding is listed: its VM's page, else its host's page, else the index.
 */
final class Citations {

  /** One finding citing a line: its code and message, and the link to where it is listed. */
  record Cite(String code, String message, String href) {}

  private final Map<String, Map<Integer, List<Cite>>> byOrigin;

  private Citations(Map<String, Map<Integer, List<Cite>>> byOrigin) {
    this.byOrigin = byOrigin;
  }

  static Citations none() {
    return new Citations(Map.of());
  }

  /**
   * @param single links for the single-file report (in-page anchors) instead of a folder of pages
   */
  static Citations of(Report report, boolean single) {
    Map<String, String> vmPages = new HashMap<>();
    report.vms().forEach(v -> vmPages.put(v.id().toLowerCase(java.util.Locale.ROOT), v.page()));
    Map<String, Map<Integer, List<Cite>>> out = new LinkedHashMap<>();
    for (FindingView f : report.findings()) {
      String page = vmPages.get(f.vmId().toLowerCase(java.util.Locale.ROOT));
      if (page == null && !f.host().isEmpty()) {
        page = report.hostPages().get(f.host());
      }
      String href;
      if (single) {
        href = "#" + Links.anchor(page == null ? "index.html" : page) + "-findings";
      } else {
        href = (page == null ? "index.html" : page) + "#findings";
      }
      for (Evidence e : f.evidence()) {
        if (e.line() <= 0) {
          continue;
        }
        List<Cite> cites =
            out.computeIfAbsent(e.origin(), k -> new HashMap<>())
                .computeIfAbsent(e.line(), k -> new ArrayList<>());
        if (cites.stream().noneMatch(c -> c.code().equals(f.code()) && c.href().equals(href))) {
          cites.add(new Cite(f.code(), f.message(), href));
        }
      }
    }
    return new Citations(out);
  }

  /** The findings citing line {@code line} of {@code origin}, none when it is not cited. */
  List<Cite> at(String origin, int line) {
    return byOrigin.getOrDefault(origin, Map.of()).getOrDefault(line, List.of());
  }
}
