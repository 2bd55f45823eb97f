package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.Counter;
import io.vmflow.parse.EthtoolS;
import io.vmflow.parse.OvsAppctlCoverageShow;
import io.vmflow.parse.OvsAppctlFdbStatsShow;
import io.vmflow.parse.OvsAppctlUpcallShow;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The switch's own health, said for the VMs whose path crosses it: packets ovs-vswitchd counted as
 * dropped ({@code coverage/show}'s {@code drop_action_*} and {@code datapath_drop_*}), a datapath
 * at its flow limit ({@code upcall/show}), a bridge whose MAC table is full ({@code
 * fdb/stats-show}), and the drops a NIC's driver counted ({@code ethtool -S}, on the host only).
 * Coverage counters carry their last-minute and last-hour rates: a counter still rising is a {@code
 * WARNING}, one that only has a total since start an {@code INFO}. Drops by the OpenFlow pipeline's
 * own drop actions are the security policy at work: {@code INFO}, the flow causes name the rule.
 */
final class SwitchHealthCauses {

  static final String OVS_DATAPATH_DROPS = "OVS_DATAPATH_DROPS";
  static final String UPCALL_FLOW_LIMIT = "UPCALL_FLOW_LIMIT";
  static final String UPCALL_SLOW_DUMP = "UPCALL_SLOW_DUMP";
  static final String MAC_TABLE_FULL = "MAC_TABLE_FULL";
  static final String MAC_TABLE_EVICTIONS = "MAC_TABLE_EVICTIONS";
  static final String NIC_DRIVER_DROPS = "NIC_DRIVER_DROPS";
  // ovs-vswitchd lowers the flow limit when dumping the datapath's flows takes longer than this
  private static final long SLOW_DUMP_MS = 1000;

  private SwitchHealthCauses() {}

  static List<Finding> of(Topology t, List<Fact> facts) {
    List<Finding> out = new ArrayList<>();
    for (Fact f : facts) {
      if (f.host().isEmpty()) {
        continue;
      }
      if (f.value() instanceof OvsAppctlCoverageShow c) {
        c.drops().stream()
            .filter(e -> e.total() > 0)
            .forEach(e -> tie(out, t, f, h -> true, coverage(f, e)));
      } else if (f.value() instanceof OvsAppctlUpcallShow u) {
        u.datapaths().forEach(dp -> upcall(f, dp).forEach(x -> tie(out, t, f, h -> true, x)));
      } else if (f.value() instanceof OvsAppctlFdbStatsShow s) {
        String bridge = s.bridge().isEmpty() ? f.subject() : s.bridge();
        if (s.isFull() || s.evicted() > 0) {
          tie(out, t, f, bridge::equals, fdb(f, s, bridge));
        }
      } else if (f.value() instanceof EthtoolS e && !e.losses().isEmpty()) {
        out.add(nic(f, e));
      }
    }
    return out;
  }

  private static Finding coverage(Fact f, OvsAppctlCoverageShow.Event e) {
    boolean policy = e.name().equals("drop_action_of_pipeline");
    Severity s = e.isRecent() && !policy ? Severity.WARNING : Severity.INFO;
    String rate =
        e.isRecent()
            ? String.format(
                Locale.ROOT,
                ", %.3f/s over the last minute, %.4f/s over the last hour",
                e.perSecondLastMinute(),
                e.perSecondLastHour())
            : ", none in the last hour";
    String hint =
        policy
            ? "packets an OpenFlow drop action discarded (security groups, anti-spoofing):"
                + " ofproto/trace a lost packet to see which rule"
            : "packets the datapath could not forward ("
                + e.name()
                + "): see ovs-vswitchd.log"
                + " around the times it rose";
    return Finding.network(
            s,
            OVS_DATAPATH_DROPS,
            "ovs-vswitchd on "
                + f.host()
                + ": "
                + e.name()
                + " "
                + e.total()
                + " since start"
                + rate,
            f.origin(),
            e.line())
        .withHint(hint, List.of(new Evidence(f.origin(), e.line())));
  }

  private static List<Finding> upcall(Fact f, OvsAppctlUpcallShow.Datapath dp) {
    List<Finding> out = new ArrayList<>();
    String what =
        dp.name()
            + " on "
            + f.host()
            + ": flows (current "
            + dp.current()
            + ") (max "
            + dp.max()
            + ") (limit "
            + dp.limit()
            + ")";
    if (dp.reachedLimit()) {
      out.add(
          Finding.network(
                  Severity.WARNING,
                  UPCALL_FLOW_LIMIT,
                  what + ": the datapath reached its flow limit; new flows go to ovs-vswitchd",
                  f.origin(),
                  dp.line())
              .withHint(
                  "raise other_config:flow-limit or find what creates so many flows (a scan, a"
                      + " flood)",
                  List.of()));
    }
    if (dp.dumpMillis() >= SLOW_DUMP_MS) {
      out.add(
          Finding.network(
                  Severity.WARNING,
                  UPCALL_SLOW_DUMP,
                  what + ": dumping the flows took " + dp.dumpMillis() + " ms, so the limit falls",
                  f.origin(),
                  dp.line() + 1)
              .withHint("check ovs-vswitchd's CPU and revalidator threads", List.of()));
    }
    return out;
  }

  private static Finding fdb(Fact f, OvsAppctlFdbStatsShow s, String bridge) {
    String what =
        bridge
            + " on "
            + f.host()
            + ": MAC table "
            + s.current()
            + "/"
            + s.maximum()
            + ", "
            + s.evicted()
            + " entries evicted since start";
    List<Evidence> ev = List.of(new Evidence(f.origin(), s.evictedLine()));
    return s.isFull()
        ? Finding.network(Severity.WARNING, MAC_TABLE_FULL, what, f.origin(), s.line())
            .withHint(
                "a full table evicts learned MACs: frames to them flood until relearned; raise"
                    + " other_config:mac-table-size or find the MAC flood",
                ev)
        : Finding.network(Severity.INFO, MAC_TABLE_EVICTIONS, what, f.origin(), s.evictedLine())
            .withHint("the table was full at some time since the bridge started", ev);
  }

  private static Finding nic(Fact f, EthtoolS e) {
    String device = e.device().isEmpty() ? f.subject() : e.device();
    List<Counter> losses = e.losses();
    StringBuilder m = new StringBuilder(device + " on " + f.host() + ": driver counters");
    losses.stream()
        .limit(5)
        .forEach(c -> m.append(' ').append(c.name()).append(' ').append(c.value()));
    if (losses.size() > 5) {
      m.append(" and ").append(losses.size() - 5).append(" more");
    }
    m.append(" since boot");
    return Finding.network(
            Severity.INFO, NIC_DRIVER_DROPS, m.toString(), f.origin(), losses.get(0).line())
        .about("", "", f.host());
  }

  // the finding for every VM with a hop on that host whose device the predicate accepts; the host
  // alone when no VM's path crosses it
  private static void tie(
      List<Finding> out, Topology t, Fact f, Predicate<String> device, Finding base) {
    List<Vm> vms =
        t.vms().stream()
            .filter(
                vm ->
                    vm.ports().stream()
                        .flatMap(p -> p.hops().stream())
                        .anyMatch(
                            h -> h.host().equalsIgnoreCase(f.host()) && device.test(h.device())))
            .toList();
    if (vms.isEmpty()) {
      out.add(base.about("", "", f.host()));
    }
    vms.forEach(vm -> out.add(base.about(vm.id(), "", f.host())));
  }
}
