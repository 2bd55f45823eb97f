package io.vmflow.cause;

import io.vmflow.parse.Counter;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsOfctlDumpPorts;
import io.vmflow.parse.OvsVsctlListInterface;
import io.vmflow.parse.ProcNetDev;
import io.vmflow.topology.Fact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counter readings of each device, from every output that prints them ({@code ip -s link},
 * {@code /proc/net/dev}, {@code ovs-vsctl list interface}, {@code ovs-ofctl dump-ports}), and the
 * one source a device's counters are judged from. Several outputs print the same kernel counters
 * (and {@code /proc/net/dev}'s receive drops add the missed ones, OVS's statistics add the
 * datapath's drops to the kernel's): judging each would count one drop two or three times.
 */
final class CounterReadings {

  /** The outputs that print a device's counters, the preferred first. */
  static final List<String> SOURCES =
      List.of("ip -s link", "/proc/net/dev", "ovs-vsctl list interface", "ovs-ofctl dump-ports");

  // .../sos_commands/counters/before-1764612720123/ip_-s_-s_-d_link
  static final Pattern READING =
      Pattern.compile("^(?<collection>.*)/counters/(?<when>before|after)-(?<ms>\\d{1,18})/[^/]+$");

  private CounterReadings() {}

  /**
   * One counter of one device, as one output printed it.
   *
   * @param when {@code before} or {@code after} a capture, "" for a single reading
   * @param ms the reading's time (epoch ms), -1 when unknown
   */
  record Reading(
      String host,
      String source,
      Counter counter,
      String origin,
      String collection,
      String when,
      long ms) {
    String file() {
      return origin.replaceAll(".*/", "");
    }
  }

  /**
   * host|device -> readings of the counters in {@code names}, for the devices {@code wanted}
   * accepts ("host|device", host lower case).
   */
  static Map<String, List<Reading>> of(
      List<Fact> facts,
      Map<String, HostEvidence> hosts,
      Predicate<String> wanted,
      Set<String> names) {
    Map<String, List<Reading>> out = new LinkedHashMap<>();
    for (Fact f : facts) {
      String host = f.host();
      Adder add =
          (device, source, counters) -> {
            String at = Causes.lower(host) + "|" + device;
            if (wanted.test(at)) {
              for (Counter c : counters) {
                if (names.contains(c.name())) {
                  out.computeIfAbsent(at, x -> new ArrayList<>()).add(reading(host, source, c, f));
                }
              }
            }
          };
      if (f.value() instanceof IpLink l) {
        l.devices().forEach(d -> add.add(d.name(), SOURCES.get(0), d.counters()));
      } else if (f.value() instanceof ProcNetDev p) {
        p.devices().forEach(d -> add.add(d.name(), SOURCES.get(1), d.counters()));
      } else if (f.value() instanceof OvsVsctlListInterface l) {
        l.interfaces().forEach(i -> add.add(i.name(), SOURCES.get(2), i.counters()));
      } else if (f.value() instanceof OvsOfctlDumpPorts d) {
        String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
        HostEvidence h = hosts.get(Causes.lower(host));
        for (OvsOfctlDumpPorts.PortStats p : d.ports()) {
          name(h, bridge, p.port()).ifPresent(n -> add.add(n, SOURCES.get(3), p.counters()));
        }
      }
    }
    return out;
  }

  /**
   * The readings of the one source a device is judged from: a source read before and after a
   * capture over one read once, then the order of {@link #SOURCES}.
   */
  static List<Reading> chosen(List<Reading> rs) {
    String best = null;
    for (String s : SOURCES) {
      List<Reading> of = rs.stream().filter(r -> r.source().equals(s)).toList();
      if (of.isEmpty()) {
        continue;
      }
      if (hasPair(of)) {
        best = s;
        break;
      }
      best = best == null ? s : best;
    }
    String pick = best;
    return rs.stream().filter(r -> r.source().equals(pick)).toList();
  }

  private static boolean hasPair(List<Reading> rs) {
    return rs.stream()
        .anyMatch(
            b ->
                b.when().equals("before")
                    && rs.stream()
                        .anyMatch(
                            a ->
                                a.when().equals("after")
                                    && a.collection().equals(b.collection())
                                    && a.file().equals(b.file())));
  }

  private static Reading reading(String host, String source, Counter c, Fact f) {
    Matcher m = READING.matcher(f.origin());
    return m.matches()
        ? new Reading(
            host,
            source,
            c,
            f.origin(),
            m.group("collection"),
            m.group("when"),
            Long.parseLong(m.group("ms")))
        : new Reading(host, source, c, f.origin(), "", "", -1);
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

  @FunctionalInterface
  private interface Adder {
    void add(String device, String source, List<Counter> counters);
  }
}
