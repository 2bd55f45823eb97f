package io.vmflow.trace;

import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import java.util.Optional;

/**
 * Where a packet that leaves one host by a tunnel enters the next: the host of the dump that holds
 * the tunnel's remote address, and its tunnel port whose own remote is one of the first host's
 * addresses (the same tunnel type preferred).
 *
 * @param tunSrc the sending host's address, the peer port's remote
 */
record TunnelHop(Host peer, String bridge, BridgePort port, String tunSrc, String tunDst) {

  static final String TUNNEL_TYPES = "vxlan|gre|geneve|stt|erspan";

  static Optional<TunnelHop> of(Topology t, Host from, String type, String tunDst) {
    Optional<Host> peer =
        t.hosts().stream()
            .filter(h -> !h.key().equalsIgnoreCase(from.key()) && h.ips().contains(tunDst))
            .findFirst();
    if (peer.isEmpty()) {
      return Optional.empty();
    }
    TunnelHop best = null;
    for (Bridge b : peer.get().bridges()) {
      for (BridgePort p : b.ports()) {
        if (!p.type().matches(TUNNEL_TYPES)
            || !from.ips().contains(p.remoteIp())
            || !p.ofport().matches("\\d+")) {
          continue;
        }
        TunnelHop hop = new TunnelHop(peer.get(), b.name(), p, p.remoteIp(), tunDst);
        if (best == null || (p.type().equals(type) && !best.port().type().equals(type))) {
          best = hop;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A tunnel the traced packet leaves by: its port and bridge on the sending host, the tunnel id
   * and the remote address.
   */
  record Exit(String bridge, BridgePort port, String tunId, String tunDst) {}

  /**
   * The trace's tunnel outputs. The replica's tunnel ports are dummies (the override dummy mode
   * keeps the machine's network out of it), so the datapath outputs to them as to any port: the
   * remote is the port's dumped {@code remote_ip}, the id the port's fixed key where it has one
   * ({@code options:key=1000}: OVS sends it whatever the rules set), else the last one the trace's
   * rules set before the output ({@link Rules#tunnelId}). A {@code set(tunnel(...))} before an
   * output, where a switch prints one, gives both.
   */
  static java.util.List<Exit> exits(
      HostReplica h,
      java.util.List<io.vmflow.parse.OvsAppctlOfprotoTrace.Step> steps,
      DatapathActions actions) {
    java.util.List<Exit> out = new java.util.ArrayList<>();
    for (DatapathActions.Output o : actions.outputs()) {
      String name = h.datapathPorts.getOrDefault(o.port(), "");
      for (Bridge b : h.bridges.values()) {
        for (BridgePort p : b.ports()) {
          if (!p.type().matches(TUNNEL_TYPES) || p.remoteIp().isEmpty()) {
            continue;
          }
          if (o.isTunnel() && p.remoteIp().equals(o.tunDst())) {
            out.add(new Exit(b.name(), p, o.tunId(), o.tunDst()));
            return out;
          }
          if (!o.isTunnel() && p.name().equals(name)) {
            String id = h.fixedTunnelKey(p.name()).orElseGet(() -> Rules.tunnelId(steps, b, p));
            out.add(new Exit(b.name(), p, id, p.remoteIp()));
          }
        }
      }
    }
    return out;
  }

  /** The tunnel metadata the packet arrives with, as ofproto/trace's flow syntax takes it. */
  String fields(String tunId) {
    return "tun_id=" + tunId + ",tun_src=" + tunSrc + ",tun_dst=" + tunDst + ",";
  }
}
