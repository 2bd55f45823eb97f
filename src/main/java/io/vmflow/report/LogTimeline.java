package io.vmflow.report;

import io.vmflow.finding.Evidence;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A host's daemon log events as a timeline, oldest first: the cause stage's log-event findings
 * ({@code OVS_LOG_EVENT}, {@code OVSDB_LOG_EVENT}, {@code NEUTRON_LOG_EVENT}), whose message is the
 * event's time then what happened ({@code 2026-12-01T18:35:55.391Z ovs-vswitchd started}). The host
 * page shows them here rather than among its findings.
 */
public final class LogTimeline {

  /** The codes of log-event findings. */
  public static final Set<String> CODES =
      Set.of("OVS_LOG_EVENT", "OVSDB_LOG_EVENT", "NEUTRON_LOG_EVENT");

  /**
   * One event.
   *
   * @param time the event's time as the log said it (UTC)
   * @param what what happened
   */
  public record Row(Instant time, String what, String code, List<Evidence> evidence) {
    public Row {
      evidence = List.copyOf(evidence);
    }

    /** {@code 2026-12-01 18:35:55.391}: the time as the page shows it. */
    public String shown() {
      return time.toString().replace('T', ' ').replace("Z", "");
    }
  }

  private LogTimeline() {}

  /** The log events among {@code findings}, oldest first; a message without a time is left. */
  public static List<Row> of(List<Report.FindingView> findings) {
    List<Row> out = new ArrayList<>();
    for (Report.FindingView f : findings) {
      int space = f.message().indexOf(' ');
      if (!CODES.contains(f.code()) || space < 0) {
        continue;
      }
      try {
        Instant t = Instant.parse(f.message().substring(0, space));
        out.add(new Row(t, f.message().substring(space + 1), f.code(), f.evidence()));
      } catch (DateTimeParseException e) {
        // not an event line: it stays among the findings
      }
    }
    out.sort(Comparator.comparing(Row::time));
    return out;
  }
}
