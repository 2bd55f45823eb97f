package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.DateOutput;
import io.vmflow.parse.NeutronAgentLog;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Fact;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each host's UTC offset, read from its clock ({@code date} beside {@code date --utc}, or a {@code
 * date} whose zone is numeric or UTC), and the neutron agents' logs put on UTC with it. oslo.log
 * writes the host's local time without a zone, while captures, the collector's counter readings and
 * Open vSwitch's logs are in UTC: on a host in UTC+8 (FusionSphere's usual zone) an agent restart
 * during the pings would otherwise sit eight hours away from them.
 */
final class HostClocks {

  /** The agent log's times were local and are shown in UTC (INFO, on the host). */
  static final String LOG_TIMES_LOCAL = "LOG_TIMES_LOCAL";

  /** The agent log's times may be local: the dump does not say the host's zone (coverage). */
  static final String LOG_ZONE_UNKNOWN = "LOG_ZONE_UNKNOWN";

  // sos runs date and date --utc one after the other; offsets are whole quarter hours
  private static final long QUARTER_HOUR = 900;
  private static final long MAX_OFFSET = 18 * 3600;

  /**
   * A host's offset and what it was read from.
   *
   * @param how as a finding says it: {@code date (CST) against date --utc}
   */
  record Clock(ZoneOffset offset, String how, Fact from) {}

  private final Map<String, Clock> clocks;
  private final Map<String, String> unknown;

  private HostClocks(Map<String, Clock> clocks, Map<String, String> unknown) {
    this.clocks = clocks;
    this.unknown = unknown;
  }

  static HostClocks of(List<Fact> facts) {
    Map<String, Fact> local = new LinkedHashMap<>();
    Map<String, Fact> utc = new LinkedHashMap<>();
    for (Fact f : facts) {
      if (f.host().isEmpty() || !(f.value() instanceof DateOutput)) {
        continue;
      }
      (f.spec() == Spec.DATE_UTC ? utc : local).putIfAbsent(Causes.lower(f.host()), f);
    }
    Map<String, Clock> clocks = new LinkedHashMap<>();
    Map<String, String> unknown = new LinkedHashMap<>();
    for (Map.Entry<String, Fact> e : local.entrySet()) {
      DateOutput d = (DateOutput) e.getValue().value();
      Optional<ZoneOffset> stated = d.statedOffset();
      Fact u = utc.get(e.getKey());
      if (stated.isPresent()) {
        clocks.put(e.getKey(), new Clock(stated.get(), "date (" + d.zone() + ")", e.getValue()));
      } else if (u != null) {
        DateOutput r = (DateOutput) u.value();
        long s = Duration.between(r.wall(), d.wall()).getSeconds();
        long rounded = Math.round((double) s / QUARTER_HOUR) * QUARTER_HOUR;
        if (Math.abs(rounded) <= MAX_OFFSET) {
          clocks.put(
              e.getKey(),
              new Clock(
                  ZoneOffset.ofTotalSeconds((int) rounded),
                  "date (" + d.zone() + ") against date --utc",
                  e.getValue()));
        } else {
          unknown.put(e.getKey(), "its date and date --utc readings are " + s + " s apart");
        }
      } else {
        unknown.put(
            e.getKey(),
            "date says only '"
                + d.zone()
                + "', which names zones of different offsets,"
                + " and the dump has no date --utc of that host");
      }
    }
    return new HostClocks(clocks, unknown);
  }

  /** The host's offset, when its clock readings say it. */
  Optional<Clock> of(String host) {
    return Optional.ofNullable(clocks.get(Causes.lower(host)));
  }

  /**
   * The facts, with every neutron agent log of a host whose offset is known moved to UTC; every
   * other fact as it was.
   */
  List<Fact> onUtc(List<Fact> facts) {
    List<Fact> out = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      Optional<Clock> c = of(f.host());
      if (f.value() instanceof NeutronAgentLog log
          && c.isPresent()
          && c.get().offset().getTotalSeconds() != 0) {
        out.add(
            new Fact(f.host(), f.spec(), f.origin(), f.subject(), shift(log, c.get().offset())));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * For each host with a neutron agent log: how its times were read, when that is not plain UTC —
   * converted from the host's zone, or read as UTC for want of one.
   */
  List<Finding> findings(List<Fact> facts) {
    List<Finding> out = new ArrayList<>();
    Set<String> said = new LinkedHashSet<>();
    for (Fact f : facts) {
      if (!(f.value() instanceof NeutronAgentLog)
          || f.host().isEmpty()
          || !said.add(Causes.lower(f.host()))) {
        continue;
      }
      Optional<Clock> c = of(f.host());
      if (c.isPresent()) {
        if (c.get().offset().getTotalSeconds() == 0) {
          continue;
        }
        Fact from = c.get().from();
        DateOutput d = (DateOutput) from.value();
        out.add(
            Finding.network(
                    Severity.INFO,
                    LOG_TIMES_LOCAL,
                    "neutron agent log times on "
                        + f.host()
                        + " are its local time, UTC"
                        + c.get().offset().getId()
                        + " (from "
                        + c.get().how()
                        + "): shown in UTC",
                    from.origin(),
                    d.line())
                .about("", "", f.host())
                .withHint(
                    "compare them with the captures and Open vSwitch's logs, which are in UTC",
                    List.of(new Evidence(from.origin(), d.line()))));
      } else {
        String why =
            unknown.getOrDefault(
                Causes.lower(f.host()), "the dump has no date or date --utc output of that host");
        out.add(
            Finding.coverage(
                    Severity.INFO,
                    LOG_ZONE_UNKNOWN,
                    "neutron agent log times on "
                        + f.host()
                        + " are read as UTC, but oslo.log writes local time: "
                        + why
                        + "; if the host is not in UTC, its agent events are off the captures by"
                        + " its offset",
                    f.origin())
                .about("", "", f.host()));
      }
    }
    return out;
  }

  private static NeutronAgentLog shift(NeutronAgentLog log, ZoneOffset offset) {
    List<NeutronAgentLog.LogEvent> events = new ArrayList<>(log.events().size());
    for (NeutronAgentLog.LogEvent e : log.events()) {
      events.add(
          new NeutronAgentLog.LogEvent(
              e.time().minusSeconds(offset.getTotalSeconds()),
              e.kind(),
              e.level(),
              e.module(),
              e.text(),
              e.version(),
              e.lines(),
              e.line()));
    }
    return new NeutronAgentLog(log.agent(), events, log.dropped());
  }
}
