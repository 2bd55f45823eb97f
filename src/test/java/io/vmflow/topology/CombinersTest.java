package io.vmflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vmflow.parse.Hostname;
import io.vmflow.parse.OvsDpctlShow;
import io.vmflow.parse.OvsTunnels;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.SubnetList;
import io.vmflow.parse.TcpdumpText;
import io.vmflow.parse.VirshList;
import io.vmflow.spec.Spec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every kind of parsed record is joined by a combiner, or is knowingly left to another stage. */
class CombinersTest {

  // record kinds topology does not join, and why
  private static final Set<Class<? extends ParsedRecord>> NOT_JOINED =
      Set.of(
          TcpdumpText.class, // echoes: the ping step pairs them
          OvsDpctlShow.class, // kept as evidence; no rule reads datapaths yet
          OvsTunnels.class, // kept as evidence; tunnels come from OVSDB interfaces
          VirshList.class, // kept as evidence; domains come from virsh dumpxml
          SubnetList.class, // kept as evidence; no rule reads subnets yet
          // read by the cause stage, which ties rules to the devices of a loss segment
          io.vmflow.parse.FirewallRules.class,
          // port counters: read by the cause stage's counter checks (CounterCauses)
          io.vmflow.parse.OvsOfctlDumpPorts.class,
          // health counters (#23), read by the cause stage: interface statistics and /proc/net/dev
          // as counter readings (CounterCauses), the switch's drops, flow limit and MAC table as
          // host findings (SwitchHealthCauses); NIC driver counters for the host's uplinks
          io.vmflow.parse.OvsVsctlListInterface.class,
          io.vmflow.parse.ProcNetDev.class,
          io.vmflow.parse.EthtoolS.class,
          io.vmflow.parse.OvsAppctlCoverageShow.class,
          io.vmflow.parse.OvsAppctlUpcallShow.class,
          io.vmflow.parse.OvsAppctlFdbStatsShow.class,
          // log events: read by the cause stage (LogEvents), findings on the host page
          io.vmflow.parse.OvsVswitchdLog.class,
          io.vmflow.parse.OvsdbServerLog.class,
          // tunnel listeners: read by the cause stage (TunnelCauses)
          io.vmflow.parse.OvsAppctlTnlPortsShow.class,
          io.vmflow.parse.NeutronAgentLog.class,
          // clock readings: the cause stage puts the host's zone-less log times on UTC (HostClocks)
          io.vmflow.parse.DateOutput.class,
          // the host's own routes, neighbours and rules: kept as evidence; the L3 trace reads
          // them inside namespaces (InNamespace)
          io.vmflow.parse.IpRoute.class,
          io.vmflow.parse.IpNeigh.class,
          io.vmflow.parse.IpRule.class,
          // groups: loaded into the trace stage's replica before the flows
          io.vmflow.parse.OvsOfctlDumpGroups.class,
          // the trace stage's own output, parsed where a dump carries one
          io.vmflow.parse.OvsAppctlOfprotoTrace.class,
          // security groups and rules: read by the cause stage (SecurityGroupCauses) with ports
          io.vmflow.parse.SecurityGroupList.class,
          io.vmflow.parse.SecurityGroupRuleList.class);

  @Test
  void everyParsedRecordKindIsJoinedOrKnowinglyLeftOut() {
    Set<Class<?>> joined = new HashSet<>(HostCombiners.ALL.types());
    joined.addAll(ControllerFacts.joined());
    for (Class<?> kind : ParsedRecord.class.getPermittedSubclasses()) {
      assertThat(joined.contains(kind) || NOT_JOINED.contains(kind))
          .as("%s has a combiner or is listed in NOT_JOINED", kind.getSimpleName())
          .isTrue();
      assertThat(joined.contains(kind) && NOT_JOINED.contains(kind))
          .as("%s is joined, so not in NOT_JOINED", kind.getSimpleName())
          .isFalse();
    }
  }

  @Test
  void aFactJoinsByTheKindOfItsRecord() {
    ControllerFacts ctl = new ControllerFacts();
    ctl.add(new Fact("compute-a", Spec.HOSTNAME, "hostname", "", new Hostname("cna01")));
    ctl.add(new Fact("", Spec.HOSTNAME, "hostname", "", new Hostname("nowhere")));
    assertThat(ctl.hostnames).containsExactly(java.util.Map.entry("compute-a", "cna01"));
  }

  @Test
  void twoCombinersForOneKindAreABug() {
    Combiners<List<String>> c =
        new Combiners<List<String>>().on(Hostname.class, (into, h, f) -> into.add(h.name()));
    assertThatThrownBy(() -> c.on(Hostname.class, (into, h, f) -> {}))
        .isInstanceOf(IllegalStateException.class);
  }
}
