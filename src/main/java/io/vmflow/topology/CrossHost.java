package io.vmflow.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Continues a path across a tunnel when the dump also holds the host at its far end: after the
 * local vxlan/gre/geneve port come the peer host, the peer's tunnel port pointing back, and the
 * peer's integration bridge. A remote no host of the dump owns ends the path there.
 */
final class CrossHost {

  private CrossHost() {}

  static List<Vm> extend(List<Vm> vms, List<Host> hosts) {
    List<Vm> out = new ArrayList<>();
    for (Vm vm : vms) {
      List<VmPort> ports = new ArrayList<>();
      for (VmPort p : vm.ports()) {
        ports.add(
            new VmPort(
                p.portId(),
                p.aliasId(),
                p.deviceId(),
                p.mac(),
                p.ips(),
                p.networkId(),
                p.networkName(),
                p.cidrs(),
                p.status(),
                hops(p.hops(), hosts),
                p.macs(),
                p.evidence()));
      }
      out.add(
          new Vm(
              vm.id(), vm.name(), vm.status(), vm.hostKey(), ports, vm.routers(), vm.evidence()));
    }
    return out;
  }

  private static List<Hop> hops(List<Hop> hops, List<Host> hosts) {
    List<Hop> out = new ArrayList<>();
    for (Hop h : hops) {
      out.add(h);
      if (h.kind() != HopKind.TUNNEL || h.peer().isEmpty()) {
        continue;
      }
      Optional<Host> local = hosts.stream().filter(x -> x.key().equals(h.host())).findFirst();
      Optional<Host> peer =
          hosts.stream()
              .filter(x -> !x.key().equals(h.host()) && x.ips().contains(h.peer()))
              .findFirst();
      if (peer.isEmpty() || local.isEmpty()) {
        continue;
      }
      out.add(
          new Hop(
              peer.get().name(),
              HopKind.REMOTE_HOST,
              "",
              "",
              -1,
              "",
              true,
              peer.get().key(),
              h.peer(),
              List.of(),
              peer.get().evidence()));
      for (Bridge b : peer.get().bridges()) {
        for (BridgePort port : b.ports()) {
          if (!port.remoteIp().isEmpty() && local.get().ips().contains(port.remoteIp())) {
            out.add(
                new Hop(
                    port.name(),
                    HopKind.TUNNEL,
                    b.name(),
                    port.ofport(),
                    port.tag(),
                    "",
                    true,
                    peer.get().key(),
                    port.remoteIp(),
                    List.of(),
                    port.evidence()));
            out.add(
                new Hop(
                    b.name(),
                    HopKind.TUNNEL_BRIDGE,
                    "",
                    "",
                    -1,
                    "",
                    true,
                    peer.get().key(),
                    "",
                    List.of(),
                    b.evidence()));
            peer.get().bridges().stream()
                .filter(x -> x.name().equals("br-int"))
                .findFirst()
                .ifPresent(
                    bi ->
                        out.add(
                            new Hop(
                                bi.name(),
                                HopKind.INTEGRATION_BRIDGE,
                                "",
                                "",
                                -1,
                                "",
                                true,
                                peer.get().key(),
                                "",
                                List.of(),
                                bi.evidence())));
          }
        }
      }
    }
    return out;
  }
}
