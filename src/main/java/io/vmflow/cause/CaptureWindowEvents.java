package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Daemon log events inside a capture window (ovs-vswitchd, ovsdb-server, neutron agents: {@link
 * LogMarks}), said for the VMs whose path crosses that host: a vswitchd or database restart, a
 * resubmit loop, the port agent's restart, resync or lost switch while the pings ran explains what
 * the timeline shows at that time. The window is the collector's: its counters folders {@code
 * counters/before-<ms>/} and {@code after-<ms>/} of one collection bound the capture on that host.
 */
final class CaptureWindowEvents {

  static final String SWITCH_EVENT_IN_CAPTURE = "SWITCH_EVENT_IN_CAPTURE";

  private CaptureWindowEvents() {}

  /** One capture on one host, from its before reading to its after reading. */
  record Window(String host, Instant start, Instant end) {
    boolean holds(Instant t) {
      return !t.isBefore(start) && !t.isAfter(end);
    }
  }

  static List<Finding> of(Topology t, List<Fact> facts) {
    List<Window> windows = windows(facts);
    List<Finding> out = new ArrayList<>();
    for (Fact f : facts) {
      List<LogMarks.Mark> marks = LogMarks.of(f);
      if (marks.isEmpty() || f.host().isEmpty()) {
        continue;
      }
      for (LogMarks.Mark e : marks) {
        // said once per event: with the latest capture on that host that holds it (two captures
        // of one collection round overlap)
        Window held = null;
        for (Window w : windows) {
          if (w.host().equalsIgnoreCase(f.host())
              && w.holds(e.time())
              && (held == null || w.start().isAfter(held.start()))) {
            held = w;
          }
        }
        if (held != null) {
          Finding base = finding(f, held, e);
          List<Vm> vms = onHost(t, f.host());
          if (vms.isEmpty()) {
            out.add(base.about("", "", f.host()));
          }
          vms.forEach(vm -> out.add(base.about(vm.id(), "", f.host())));
        }
      }
    }
    return out;
  }

  private static Finding finding(Fact f, Window w, LogMarks.Mark e) {
    long into = e.time().toEpochMilli() - w.start().toEpochMilli();
    return Finding.network(
            e.hurts() ? Severity.WARNING : Severity.INFO,
            SWITCH_EVENT_IN_CAPTURE,
            "during the capture on "
                + f.host()
                + " ("
                + w.start()
                + " to "
                + w.end()
                + "), "
                + String.format(java.util.Locale.ROOT, "%.1f", into / 1000.0)
                + " s in, at "
                + e.time()
                + ": "
                + e.what(),
            f.origin(),
            e.line())
        .withHint(
            e.hurts()
                ? "pings around that time may die in the switch: flows are rebuilt after a start"
                    + " or an agent's resync, a resubmit loop drops the packets that hit it"
                : "an event of " + e.daemon() + " while the pings ran",
            List.of(new Evidence(f.origin(), e.line())));
  }

  // one window per collection and host: its earliest before reading to its latest after reading
  static List<Window> windows(List<Fact> facts) {
    Map<String, long[]> spans = new LinkedHashMap<>();
    Map<String, String> hosts = new LinkedHashMap<>();
    for (Fact f : facts) {
      Matcher m = CounterReadings.READING.matcher(f.origin());
      if (!m.matches() || f.host().isEmpty()) {
        continue;
      }
      String key = Causes.lower(f.host()) + "|" + m.group("collection");
      long ms = Long.parseLong(m.group("ms"));
      long[] s = spans.computeIfAbsent(key, k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
      hosts.put(key, f.host());
      if (m.group("when").equals("before")) {
        s[0] = Math.min(s[0], ms);
      } else {
        s[1] = Math.max(s[1], ms);
      }
    }
    List<Window> out = new ArrayList<>();
    spans.forEach(
        (k, s) -> {
          if (s[0] != Long.MAX_VALUE && s[1] != Long.MIN_VALUE && s[0] <= s[1]) {
            out.add(
                new Window(hosts.get(k), Instant.ofEpochMilli(s[0]), Instant.ofEpochMilli(s[1])));
          }
        });
    return out;
  }

  private static List<Vm> onHost(Topology t, String host) {
    return t.vms().stream()
        .filter(
            vm ->
                vm.ports().stream()
                    .flatMap(p -> p.hops().stream())
                    .anyMatch(h -> h.host().equalsIgnoreCase(host)))
        .toList();
  }
}
