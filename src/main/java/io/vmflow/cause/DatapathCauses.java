package io.vmflow.cause;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsDpctlShow;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * The datapath's own losses ({@code ovs-dpctl show}, {@code ovs-appctl dpctl/show -s}): {@code
 * lookups: ... lost:N} counts packets the datapath sent up to ovs-vswitchd (a flow miss) that were
 * dropped before it read them, because its upcall queue was full. Every VM on that host's br-int
 * may lose its first packets of a flow there.
 */
final class DatapathCauses {

  static final String DATAPATH_LOST_UPCALLS = "DATAPATH_LOST_UPCALLS";

  private DatapathCauses() {}

  static List<Finding> of(Topology t, List<Fact> facts) {
    List<Finding> out = new ArrayList<>();
    for (Fact f : facts) {
      if (!(f.value() instanceof OvsDpctlShow show) || f.host().isEmpty()) {
        continue;
      }
      for (OvsDpctlShow.Datapath dp : show.datapaths()) {
        OvsDpctlShow.Lookups l = dp.lookups().orElse(null);
        if (l == null || l.lost() <= 0) {
          continue;
        }
        String name = dp.name().isEmpty() ? "the datapath" : dp.type() + "@" + dp.name();
        Finding base =
            Finding.network(
                    Severity.WARNING,
                    DATAPATH_LOST_UPCALLS,
                    name
                        + " on "
                        + f.host()
                        + " lost "
                        + l.lost()
                        + " upcalls since it started (lookups: hit:"
                        + l.hit()
                        + " missed:"
                        + l.missed()
                        + " lost:"
                        + l.lost()
                        + "): packets sent to ovs-vswitchd for a flow miss were dropped",
                    f.origin(),
                    dp.line())
                .withHint(
                    "ovs-vswitchd does not keep up with flow misses: check its CPU, handler"
                        + " threads and ovs-appctl upcall/show",
                    List.of());
        List<Vm> vms = onBrInt(t, f.host());
        if (vms.isEmpty()) {
          out.add(base.about("", "", f.host()));
        }
        vms.forEach(vm -> out.add(base.about(vm.id(), "", f.host())));
      }
    }
    return out;
  }

  private static List<Vm> onBrInt(Topology t, String host) {
    return t.vms().stream()
        .filter(
            vm ->
                vm.ports().stream()
                    .flatMap(p -> p.hops().stream())
                    .anyMatch(h -> h.host().equalsIgnoreCase(host) && h.device().equals("br-int")))
        .toList();
  }
}
