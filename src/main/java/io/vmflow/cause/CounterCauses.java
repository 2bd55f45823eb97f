package io.vmflow.cause;

import io.vmflow.cause.CounterReadings.Reading;
import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drop and error counters of the devices on a VM's path ({@code ip -s link}, {@code /proc/net/dev},
 * {@code ovs-vsctl list interface}, {@code ovs-ofctl dump-ports}), each device judged from one of
 * those sources ({@link CounterReadings#chosen}), named in the message. Counters are cumulative:
 * where the dump holds a reading taken before and one taken after a capture (vmflow-collect's
 * {@code counters/before-<ms>/} and {@code after-<ms>/}), what grew over that interval is reported
 * ({@code WARNING}), and a loss on the device whose drops grew by at least the lost count cites it;
 * a single reading is reported as "since boot" ({@code INFO}), as it may be old history.
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

  /** What one device's counter says, and how much it grew (-1: a single reading). */
  private record Judged(Finding finding, long delta) {}

  static List<Found> of(Topology t, List<Fact> facts, Map<String, HostEvidence> hosts) {
    Map<String, List<Vm>> owners = owners(t);
    Set<String> names = new HashSet<>(DROPS);
    names.addAll(ERRORS);
    Map<String, List<Reading>> readings =
        CounterReadings.of(facts, hosts, owners::containsKey, names);
    List<Found> out = new ArrayList<>();
    readings.forEach(
        (at, all) -> {
          // one source per device: the same drop printed by two outputs is judged once
          Map<String, List<Reading>> byCounter = new LinkedHashMap<>();
          for (Reading r : CounterReadings.chosen(all)) {
            byCounter.computeIfAbsent(r.counter().name(), k -> new ArrayList<>()).add(r);
          }
          String device = at.substring(at.indexOf('|') + 1);
          byCounter.forEach(
              (counter, rs) -> {
                String host = rs.get(0).host();
                judge(host, device, counter, rs)
                    .ifPresent(
                        j -> {
                          for (Vm vm : owners.get(at)) {
                            Finding f = j.finding().about(vm.id(), "", host);
                            out.add(new Found(f, host, device, counter, j.delta()));
                          }
                        });
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
            && a.file().equals(b.file())
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
                      + "; "
                      + after.source()
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
                    + " since boot ("
                    + max.source()
                    + ", one reading: when they grew is unknown)",
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
