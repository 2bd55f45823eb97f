package io.vmflow.topology;

import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsVsctlShow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The path beyond the integration bridge: {@code patch-tun} ⇄ {@code patch-int} → {@code br-tun} →
 * its vxlan/gre/geneve ports (each with its remote IP), or {@code int-br-X} ⇄ {@code phy-br-X} →
 * provider bridge → its physical NICs; on OVN, the geneve ports on the integration bridge itself.
 * Only what the OVSDB output shows; nothing is guessed.
 *
 * <p>When the flows show which branch carries the VM's local VLAN (the OVS agent's {@code
 * in_port=int-br-X ... actions=mod_vlan_vid:TAG} on br-int, {@code in_port=phy-br-X,dl_vlan=TAG} on
 * the provider bridge, {@code mod_vlan_vid:TAG} / {@code dl_vlan=TAG} on br-tun), branches whose
 * flows never mention the tag are left out; without flows every branch stays.
 */
final class OnwardTracer {

  private OnwardTracer() {}

  static List<Hop> trace(HostFacts h, String integration, int tag) {
    List<Hop> out = new ArrayList<>();
    Optional<HostFacts.Located<OvsVsctlShow.OvsBridge>> br =
        h.ovsBridges.stream().filter(b -> b.value().name().equals(integration)).findFirst();
    if (br.isEmpty()) {
      return out;
    }
    for (OvsVsctlShow.OvsPort p : br.get().value().ports()) {
      for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
        if (!i.remoteIp().isEmpty()) {
          out.add(tunnel(h, p, i, integration, br.get().origin()));
        }
        if (!i.type().equals("patch")
            || i.peer().isEmpty()
            || i.peer().startsWith("pv")
            || i.peer().startsWith("qv")) {
          continue;
        }
        Optional<HostFacts.Located<Map.Entry<String, OvsVsctlShow.OvsPort>>> peer =
            h.ovsPort(i.peer());
        String next = peer.map(x -> x.value().getKey()).orElse("");
        if (!carries(h, integration, p.name(), next, i.peer(), tag)) {
          continue;
        }
        out.add(patch(h, p.name(), integration, br.get().origin(), p.line()));
        if (peer.isEmpty()) {
          continue;
        }
        out.add(
            patch(h, i.peer(), next, peer.get().origin(), peer.get().value().getValue().line()));
        out.addAll(beyond(h, next));
      }
    }
    return out;
  }

  private static List<Hop> beyond(HostFacts h, String bridge) {
    List<Hop> out = new ArrayList<>();
    Optional<HostFacts.Located<OvsVsctlShow.OvsBridge>> b =
        h.ovsBridges.stream().filter(x -> x.value().name().equals(bridge)).findFirst();
    if (b.isEmpty()) {
      return out;
    }
    boolean tunnels =
        b.get().value().ports().stream()
            .flatMap(p -> p.interfaces().stream())
            .anyMatch(i -> !i.remoteIp().isEmpty());
    out.add(
        new Hop(
            bridge,
            tunnels ? HopKind.TUNNEL_BRIDGE : HopKind.PROVIDER_BRIDGE,
            "",
            "",
            -1,
            "",
            true,
            h.key,
            "",
            List.of(),
            PathTracer.ev(b.get().origin(), b.get().value().line())));
    for (OvsVsctlShow.OvsPort p : b.get().value().ports()) {
      for (OvsVsctlShow.OvsInterface i : p.interfaces()) {
        String ofport = h.ofport(bridge, p.name()).map(o -> o.value().portNo().value()).orElse("");
        if (!i.remoteIp().isEmpty()) {
          out.add(tunnel(h, p, i, bridge, b.get().origin()));
        } else if (!tunnels
            && (i.type().isEmpty() || i.type().equals("system"))
            && !p.name().equals(bridge)) {
          // "type: system" is how recent OVS prints a kernel NIC; older ones print no type
          out.add(
              new Hop(
                  p.name(),
                  HopKind.PHYSICAL_NIC,
                  bridge,
                  ofport,
                  p.tag(),
                  "",
                  true,
                  h.key,
                  "",
                  List.of(),
                  PathTracer.ev(b.get().origin(), p.line())));
        }
      }
    }
    return out;
  }

  private static Hop tunnel(
      HostFacts h,
      OvsVsctlShow.OvsPort p,
      OvsVsctlShow.OvsInterface i,
      String bridge,
      String origin) {
    String ofport = h.ofport(bridge, p.name()).map(o -> o.value().portNo().value()).orElse("");
    return new Hop(
        p.name(),
        HopKind.TUNNEL,
        bridge,
        ofport,
        p.tag(),
        "",
        true,
        h.key,
        i.remoteIp(),
        List.of(),
        PathTracer.ev(origin, i.line()));
  }

  /**
   * Whether the branch int-patch ⇄ peer-patch (to {@code next}) carries local VLAN {@code tag}.
   * Decided only on the OVS agent's own marks: VLAN translation flows (then the tag must be among
   * them), or nothing but drops for traffic from the patch (a bridge mapping no network uses).
   */
  private static boolean carries(
      HostFacts h, String integration, String intPatch, String next, String peerPatch, int tag) {
    if (tag < 0) {
      return true;
    }
    List<OvsOfctlDumpFlows.Flow> own = h.flowsFrom(integration, intPatch);
    List<OvsOfctlDumpFlows.Flow> far = h.flowsOf(next);
    String vid = String.valueOf(tag);
    if (own.stream().anyMatch(OnwardTracer::mapsVlan)
        || far.stream().anyMatch(OnwardTracer::mapsVlan)) {
      return own.stream().anyMatch(f -> f.actions().contains("mod_vlan_vid:" + vid))
          || far.stream()
              .anyMatch(
                  f -> f.get("dl_vlan").equals(vid) || f.actions().contains("mod_vlan_vid:" + vid));
    }
    return own.isEmpty() || !own.stream().allMatch(f -> f.actions().equals(List.of("drop")));
  }

  private static boolean mapsVlan(OvsOfctlDumpFlows.Flow f) {
    return !f.get("dl_vlan").isEmpty() && !f.get("dl_vlan").equals("4095")
        || f.actions().stream().anyMatch(a -> a.startsWith("mod_vlan_vid:"));
  }

  private static Hop patch(HostFacts h, String name, String bridge, String origin, int line) {
    String ofport = h.ofport(bridge, name).map(o -> o.value().portNo().value()).orElse("");
    return new Hop(
        name,
        HopKind.PATCH,
        bridge,
        ofport,
        -1,
        "",
        true,
        h.key,
        "",
        List.of(),
        PathTracer.ev(origin, line));
  }
}
