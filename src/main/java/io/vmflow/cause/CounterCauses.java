package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.Counter;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsOfctlDumpPorts;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drop and error counters of the devices on a VM's path ({@code ip -s link}, {@code ovs-ofctl
 * dump-ports}). Counters are cumulative: where the dump holds a reading taken before and one taken
 * after a capture (vmflow-collect's {@code counters/before-<ms>/} and {@code after-<ms>/}), what
 * grew over that interval is reported ({@code WARNING}), and a loss on the device whose drops grew
 * by at least the lost count cites it; a single reading is reported as "since boot" ({@code INFO}),
 * as it may be old history.
 */
final class CounterCauses {

  static final String INTERFACE_DROPS = "INTERFACE_DROPS";
  static final String INTERFACE_ERRORS = "INTERFACE_ERRORS";

  // devices a VM's traffic crosses that belong to that VM alone. Not the bridges themselves (qbr,
  // ply): a bridge device counts only what the host itself sends through it (the lab's idle qbr
  // shows tx_dropped 1 from its own IPv6 start-up), never the frames it forwards between ports
  private static final Pattern VM_FACING = Pattern.compile("^(tap|qvb|qvo|qvm|pvi|pvo).+");
  private static final List<String> DROPS =
      List.of("rx_dropped", "tx_dropped", "rx_missed", "rx_overrun");
  private static final List<String> ERRORS = List.of("rx_errors", "tx_errors");
  // .../sos_commands/counters/before-1764612720123/ip_-s_-s_-d_link
  private static final Pattern READING =
      Pattern.compile("^(?<collection>.*)/counters/(?<when>before|after)-(?<ms>\\d{1,18})/[^/]+$");

  private CounterCauses() {}

  /**
   * A counter finding with what it is about.
   *
   * @param delta how much the counter grew between the two readings, -1 for a single reading
   */
  record Found(Finding finding, String host, String device, String counter, long delta) {
    boolean isDrop() {
      return DROPS.contains(counter);
    }
  }

  /** One counter of one device, as one output printed it. */
  private record Reading(
      String host, Counter counter, String origin, String collection, String when, long ms) {}

  /** What one device's counter says, and how much it grew (-1: a single reading). */
  private record Judged(Finding finding, long delta) {}

  static List<Found> of(Topology t, List<Fact> facts, Map<String, HostEvidence> hosts) {
    Map<String, List<Vm>> owners = owners(t);
    // host|device|counter -> readings
    Map<String, List<Reading>> readings = new LinkedHashMap<>();
    for (Fact f : facts) {
      String host = f.host();
      if (f.value() instanceof IpLink l) {
        for (IpLink.LinkDevice d : l.devices()) {
          read(readings, owners, host, d.name(), d.counters(), f.origin());
        }
      } else if (f.value() instanceof OvsOfctlDumpPorts d) {
        String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
        HostEvidence h = hosts.get(Causes.lower(host));
        for (OvsOfctlDumpPorts.PortStats p : d.ports()) {
          name(h, bridge, p.port())
              .ifPresent(n -> read(readings, owners, host, n, p.counters(), f.origin()));
        }
      }
    }
    List<Found> out = new ArrayList<>();
    readings.forEach(
        (key, rs) -> {
          String[] k = key.split("\\|", 3);
          String host = rs.get(0).host();
          judge(host, k[1], k[2], rs)
              .ifPresent(
                  j -> {
                    for (Vm vm : owners.get(k[0] + "|" + k[1])) {
                      Finding f = j.finding().about(vm.id(), "", host);
                      out.add(new Found(f, host, k[1], k[2], j.delta()));
                    }
                  });
        });
    return out;
  }

  /** True when this finding's counter grew over the interval by at least the loss's count. */
  static boolean covers(Found f, io.vmflow.ping.LossCase loss) {
    return f.isDrop()
        && loss.lost() > 0
        && f.delta() >= loss.lost()
        && loss.crosses(f.device(), f.host());
  }

  private static void read(
      Map<String, List<Reading>> into,
      Map<String, List<Vm>> owners,
      String host,
      String device,
      List<Counter> counters,
      String origin) {
    String at = Causes.lower(host) + "|" + device;
    if (!owners.containsKey(at)) {
      return;
    }
    Matcher m = READING.matcher(origin);
    for (Counter c : counters) {
      if (DROPS.contains(c.name()) || ERRORS.contains(c.name())) {
        Reading r =
            m.matches()
                ? new Reading(
                    host,
                    c,
                    origin,
                    m.group("collection"),
                    m.group("when"),
                    Long.parseLong(m.group("ms")))
                : new Reading(host, c, origin, "", "", -1);
        into.computeIfAbsent(at + "|" + c.name(), x -> new ArrayList<>()).add(r);
      }
    }
  }

  // an OpenFlow port number as the port's name, by ovs-ofctl show of the same bridge
  private static Optional<String> name(HostEvidence h, String bridge, String port) {
    if (h == null || port.equals("LOCAL")) {
      return port.equals("LOCAL") ? Optional.of(bridge) : Optional.empty();
    }
    for (Map.Entry<String, String> e : h.ofports.getOrDefault(bridge, Map.of()).entrySet()) {
      if (e.getValue().equals(port) || e.getKey().equals(port)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  // the largest growth over any before/after pair of one collection; else the largest single value
  private static Optional<Judged> judge(
      String host, String device, String counter, List<Reading> rs) {
    Reading before = null;
    Reading after = null;
    for (Reading b : rs) {
      for (Reading a : rs) {
        if (b.when().equals("before")
            && a.when().equals("after")
            && a.collection().equals(b.collection())
            && a.origin().replaceAll(".*/", "").equals(b.origin().replaceAll(".*/", ""))
            && (after == null || grew(b, a) > grew(before, after))) {
          before = b;
          after = a;
        }
      }
    }
    String what = device + " on " + host + ": " + counter;
    if (after != null) {
      long d = grew(before, after);
      if (d <= 0) {
        return Optional.empty();
      }
      long seconds = Math.max(0, Math.round((after.ms() - before.ms()) / 1000.0));
      return Optional.of(
          new Judged(
              finding(
                  Severity.WARNING,
                  counter,
                  what
                      + " rose by "
                      + d
                      + " over "
                      + seconds
                      + " s ("
                      + before.counter().value()
                      + " → "
                      + after.counter().value()
                      + ")",
                  after,
                  List.of(evidence(after), evidence(before)),
                  d),
              d));
    }
    Reading max = null;
    for (Reading r : rs) {
      if (r.when().isEmpty() && (max == null || r.counter().value() > max.counter().value())) {
        max = r;
      }
    }
    if (max == null || max.counter().value() <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Judged(
            finding(
                Severity.INFO,
                counter,
                what
                    + " "
                    + max.counter().value()
                    + " since boot (one reading: when they grew is unknown)",
                max,
                List.of(evidence(max)),
                -1),
            -1));
  }

  private static long grew(Reading b, Reading a) {
    return a.counter().value() - b.counter().value();
  }

  private static Evidence evidence(Reading r) {
    return new Evidence(r.origin(), r.counter().line());
  }

  private static Finding finding(
      Severity s, String counter, String message, Reading r, List<Evidence> ev, long delta) {
    String code = DROPS.contains(counter) ? INTERFACE_DROPS : INTERFACE_ERRORS;
    String hint =
        counter.startsWith("tx_")
            ? "a tap whose TX drops grow is a guest that does not drain its queue or whose interface"
                + " is down: check the guest's link and load"
            : "packets the device could not take in: check its peer, queue and MTU";
    // the delta rides in the message's wording; the line is the later reading's
    return Finding.network(s, code, message, r.origin(), r.counter().line())
        .withHint(hint + (delta >= 0 ? "" : "; a second reading would show whether they grow"), ev);
  }

  // host|device -> the VMs whose path crosses that VM-facing device
  private static Map<String, List<Vm>> owners(Topology t) {
    Map<String, List<Vm>> out = new LinkedHashMap<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        for (Hop h : port.hops()) {
          if (VM_FACING.matcher(h.device()).matches()) {
            List<Vm> vms =
                out.computeIfAbsent(
                    h.host().toLowerCase(Locale.ROOT) + "|" + h.device(), k -> new ArrayList<>());
            if (!vms.contains(vm)) {
              vms.add(vm);
            }
          }
        }
      }
    }
    return out;
  }
}
