package io.vmflow.topology;

import io.vmflow.parse.OvsVsctlShow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The path beyond the integration bridge: {@code patch-tun} ⇄ {@code patch-int} → {@code br-tun}
 * → its vxlan/gre/geneve ports (each with its remote IP), or {@code int-br-X} ⇄ {@code phy-br-X}
 * → provider bridge → its physical NICs. Only what the OVSDB output shows; nothing is guessed.
 */
final class OnwardTracer {

  private OnwardTracer() {}

  static List<Hop> trace(HostFacts h, String integration) {
    List<Hop> out = new ArrayList<>();
    Optional<HostFacts.Located<OvsVsctlShow.OvsBridge>> br = h.ovsBridges.stream().filter(b -> b.value().name().equals(integration)).findFirst();
    if (br.isEmpty()) {
      return out;
    }
    for (OvsVsctlShow.OvsPort p : br.get().value().ports()) {
      for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
        if (!i.type().equals("patch") || i.peer().isEmpty() || i.peer().startsWith("pv") || i.peer().startsWith("qv")) {
          continue;
        }
        Optional<HostFacts.Located<java.util.Map.Entry<String, OvsVsctlShow.OvsPort>>> peer = h.ovsPort(i.peer());
        out.add(patch(h, p.name(), integration, br.get().origin(), p.line()));
        if (peer.isEmpty()) {
          continue;
        }
        String next = peer.get().value().getKey();
        out.add(patch(h, i.peer(), next, peer.get().origin(), peer.get().value().getValue().line()));
        out.addAll(beyond(h, next, peer.get().origin()));
      }
    }
    return out;
  }

  private static List<Hop> beyond(HostFacts h, String bridge, String origin) {
    List<Hop> out = new ArrayList<>();
    Optional<HostFacts.Located<OvsVsctlShow.OvsBridge>> b = h.ovsBridges.stream().filter(x -> x.value().name().equals(bridge)).findFirst();
    if (b.isEmpty()) {
      return out;
    }
    boolean tunnels = b.get().value().ports().stream().flatMap(p -> p.interfaces().stream()).anyMatch(i -> !i.remoteIp().isEmpty());
    out.add(new Hop(bridge, tunnels ? HopKind.TUNNEL_BRIDGE : HopKind.PROVIDER_BRIDGE, "", "", -1, "", true, h.key, "", List.of(),
        PathTracer.ev(b.get().origin(), b.get().value().line())));
    for (OvsVsctlShow.OvsPort p : b.get().value().ports()) {
      for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
        String ofport = h.ofport(bridge, p.name()).map(o -> o.value().portNo().value()).orElse("");
        if (!i.remoteIp().isEmpty()) {
          out.add(new Hop(p.name(), HopKind.TUNNEL, bridge, ofport, p.tag(), "", true, h.key, i.remoteIp(), List.of(),
              PathTracer.ev(b.get().origin(), i.line())));
        } else if (!tunnels && i.type().isEmpty() && !p.name().equals(bridge)) {
          out.add(new Hop(p.name(), HopKind.PHYSICAL_NIC, bridge, ofport, p.tag(), "", true, h.key, "", List.of(),
              PathTracer.ev(b.get().origin(), p.line())));
        }
      }
    }
    return out;
  }

  private static Hop patch(HostFacts h, String name, String bridge, String origin, int line) {
    String ofport = h.ofport(bridge, name).map(o -> o.value().portNo().value()).orElse("");
    return new Hop(name, HopKind.PATCH, bridge, ofport, -1, "", true, h.key, "", List.of(), PathTracer.ev(origin, line));
  }
}
