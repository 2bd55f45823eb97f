package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Patch ports come in pairs: each names the other as its {@code peer}. A peer that does not exist,
 * or that names a third port, cuts the path between the two bridges.
 */
final class PatchRules implements Rule {

  static final String PATCH_PEER_MISSING = "PATCH_PEER_MISSING";
  static final String PATCH_PEER_MISMATCH = "PATCH_PEER_MISMATCH";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        for (Hop h : port.hops()) {
          if (h.kind() != HopKind.PATCH) {
            continue;
          }
          Optional<Host> host = t.host(h.host());
          Optional<BridgePort> p =
              host.flatMap(x -> x.bridge(h.bridge())).flatMap(b -> b.port(h.device()));
          if (host.isEmpty() || p.isEmpty() || !p.get().inOvsdb() || p.get().peer().isEmpty()) {
            continue;
          }
          Optional<BridgePort> peer = find(host.get(), p.get().peer());
          if (peer.isEmpty()) {
            if (complete(host.get())) {
              out.add(
                  Flags.flag(
                      Severity.ERROR,
                      PATCH_PEER_MISSING,
                      h.device()
                          + " names peer "
                          + p.get().peer()
                          + ", which no bridge on "
                          + host.get().name()
                          + " has",
                      vm.id(),
                      host.get().key(),
                      "recreate the patch pair or fix its options:peer",
                      p.get().evidence()));
            }
          } else if (peer.get().inOvsdb() && !peer.get().peer().equals(h.device())) {
            out.add(
                Flags.flag(
                    Severity.ERROR,
                    PATCH_PEER_MISMATCH,
                    h.device()
                        + " names peer "
                        + p.get().peer()
                        + ", but "
                        + p.get().peer()
                        + " names "
                        + (peer.get().peer().isEmpty() ? "no peer" : peer.get().peer()),
                    vm.id(),
                    host.get().key(),
                    "a patch pair must name each other: `ovs-vsctl set interface "
                        + p.get().peer()
                        + " options:peer="
                        + h.device()
                        + "`",
                    p.get().evidence()));
          }
        }
      }
    }
    return out;
  }

  private static Optional<BridgePort> find(Host host, String name) {
    for (Bridge b : host.bridges()) {
      Optional<BridgePort> p = b.port(name);
      if (p.isPresent() && b.kind() == Bridge.Kind.OVS) {
        return p;
      }
    }
    return Optional.empty();
  }

  /** Only a full OVSDB dump proves a port absent; a grep-cut one may just not show it. */
  private static boolean complete(Host host) {
    return host.bridges().stream().filter(b -> b.kind() == Bridge.Kind.OVS).count() >= 2;
  }
}
