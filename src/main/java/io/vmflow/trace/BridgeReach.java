package io.vmflow.trace;

import io.vmflow.ping.LossCase;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Host;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OVS bridges of a host that a trace can reach, the only ones its replica needs: a trace enters
 * a bridge of a loss segment (or, from another host, a bridge holding a tunnel port) and {@code
 * ofproto/trace} goes on only through patch ports. A bridge beside the path (the underlay's br-phy,
 * say) costs a flow load and is never traced through.
 */
final class BridgeReach {

  private BridgeReach() {}

  /** The bridges reachable on {@code host} from the losses' segments and its tunnel ports. */
  static Set<String> of(Host host, List<LossCase> losses) {
    Deque<String> todo = new ArrayDeque<>();
    for (LossCase l : losses) {
      for (int i = 0; i < l.devices().size(); i++) {
        if (l.hosts().get(i).equalsIgnoreCase(host.key())) {
          host.bridge(l.devices().get(i))
              .filter(b -> b.kind() == Bridge.Kind.OVS)
              .ifPresent(b -> todo.add(b.name()));
        }
      }
    }
    for (Bridge b : host.bridges()) {
      if (b.kind() == Bridge.Kind.OVS
          && b.ports().stream().anyMatch(p -> p.type().matches(TunnelHop.TUNNEL_TYPES))) {
        todo.add(b.name());
      }
    }
    // a patch port's peer, by name, is on the bridges that hold a port of that name
    Map<String, List<String>> owners = new HashMap<>();
    for (Bridge b : host.bridges()) {
      if (b.kind() == Bridge.Kind.OVS) {
        b.ports()
            .forEach(p -> owners.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(b.name()));
      }
    }
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.poll();
      Bridge b = host.bridge(name).orElse(null);
      if (b == null || b.kind() != Bridge.Kind.OVS || !seen.add(name)) {
        continue;
      }
      for (BridgePort p : b.ports()) {
        if (!p.peer().isEmpty()) {
          todo.addAll(owners.getOrDefault(p.peer(), List.of()));
        }
      }
    }
    return seen;
  }
}
