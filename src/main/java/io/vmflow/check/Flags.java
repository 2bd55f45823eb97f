package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.List;
import java.util.Optional;

/** Builds findings with their evidence, and finds the hops rules look at. */
final class Flags {

  private Flags() {}

  static Finding flag(
      Severity s,
      String code,
      String message,
      String vmId,
      String host,
      String hint,
      List<Evidence> evidence) {
    Evidence first = evidence.isEmpty() ? new Evidence("", 0) : evidence.get(0);
    return Finding.network(s, code, message, first.origin(), first.line())
        .about(vmId, "", host)
        .withHint(hint, evidence);
  }

  /** The hop where the VM port meets the integration bridge: the port on br-int (qvo, pvo, tap). */
  static Optional<Hop> integrationPort(VmPort port) {
    List<Hop> hops = port.hops();
    for (int i = 0; i < hops.size(); i++) {
      if (hops.get(i).kind() == HopKind.INTEGRATION_BRIDGE) {
        return i > 0 ? Optional.of(hops.get(i - 1)) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  static Optional<Hop> integrationBridge(VmPort port) {
    return port.hops().stream().filter(h -> h.kind() == HopKind.INTEGRATION_BRIDGE).findFirst();
  }

  static Optional<Host> host(Topology t, String key) {
    return t.host(key);
  }

  static String name(Vm vm) {
    return vm.name().isEmpty() ? vm.id() : vm.name() + " (" + vm.id() + ")";
  }
}
