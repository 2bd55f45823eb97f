package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.model.DeviceNames;
import io.vmflow.model.MacAddress;
import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsAppctlFdbShow;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.OvsVsctlShow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows one VM port from its tap to the integration bridge and onward, on one host, by the device
 * naming rule ({@code <prefix><first 11 chars of the UUID>}):
 *
 * <ul>
 *   <li>FusionSphere: tap → qbr → qvm (on ply) → ply → pvi ⇄ pvo → br-int
 *   <li>hybrid plug: tap → qbr → qvb ⇄ qvo → br-int
 *   <li>OVS direct plug: tap on br-int
 *   <li>Linux bridge agent: tap → brq (named for the network) → its vxlan-&lt;VNI&gt;, VLAN
 *       sub-interface or physical member; no OVS at all
 * </ul>
 *
 * then {@link OnwardTracer} from the integration bridge. A device the rule expects but the dump's
 * outputs do not show becomes a hop with {@code present=false}.
 */
final class PathTracer {

  private final HostFacts h;
  private final String id;
  private final Optional<MacAddress> vmMac;
  private final List<Hop> hops = new ArrayList<>();

  private PathTracer(HostFacts h, String id, Optional<MacAddress> vmMac) {
    this.h = h;
    this.id = id;
    this.vmMac = vmMac;
  }

  /** True when the host's outputs show any device of this id part. */
  static boolean seesAny(HostFacts h, String id) {
    for (String prefix : List.of("tap", "qbr", "qvb", "qvo", "qvm", "ply", "pvi", "pvo")) {
      if (h.knowsDevice(prefix + id)) {
        return true;
      }
    }
    return false;
  }

  static List<Hop> trace(HostFacts h, String id, Optional<MacAddress> vmMac) {
    PathTracer t = new PathTracer(h, id, vmMac);
    t.run();
    return t.hops;
  }

  private void run() {
    String tap = "tap" + id;
    Optional<HostFacts.Located<BrctlShow.LinuxBridge>> qbr =
        h.linuxBridgeOf(tap).or(() -> h.linuxBridge("qbr" + id));
    Optional<HostFacts.Located<Map.Entry<String, OvsVsctlShow.OvsPort>>> direct = h.ovsPort(tap);
    if (direct.isPresent() && qbr.isEmpty()) {
      ovsHop(tap, HopKind.TAP, direct.get());
      integration(direct.get().value().getKey());
      return;
    }
    if (qbr.isPresent() && qbr.get().value().name().startsWith("brq")) {
      linuxBridgeAgent(tap, qbr.get());
      return;
    }
    boolean tapSeen = qbr.map(b -> b.value().interfaces().contains(tap)).orElse(false);
    hops.add(
        hop(
            tap,
            HopKind.TAP,
            qbr.map(b -> b.value().name()).orElse(""),
            "",
            -1,
            tapSeen,
            qbr.map(b -> ev(b.origin(), b.value().line())).orElse(List.of())));
    String bridgeName = "qbr" + id;
    hops.add(
        hop(
            bridgeName,
            HopKind.LINUX_BRIDGE,
            "",
            "",
            -1,
            qbr.isPresent(),
            qbr.map(b -> ev(b.origin(), b.value().line())).orElse(List.of())));
    boolean fusion =
        h.knowsDevice("qvm" + id)
            || h.knowsDevice("ply" + id)
            || !h.knowsDevice("qvb" + id) && h.knowsDevice("pvo" + id);
    if (fusion) {
      fusionSphere();
    } else {
      hybrid(qbr);
    }
  }

  // tap → brqc08e7dcd-4a → vxlan-267 (self-service), eth1.100 (VLAN) or eth1 (flat)
  private void linuxBridgeAgent(String tap, HostFacts.Located<BrctlShow.LinuxBridge> brq) {
    BrctlShow.LinuxBridge b = brq.value();
    hops.add(hop(tap, HopKind.TAP, b.name(), "", -1, true, ev(brq.origin(), b.line())));
    hops.add(hop(b.name(), HopKind.LINUX_BRIDGE, "", "", -1, true, ev(brq.origin(), b.line())));
    for (String member : b.interfaces()) {
      String kind = Optional.ofNullable(h.links.get(member)).map(l -> l.value().kind()).orElse("");
      if (member.startsWith("vxlan-") || kind.equals("vxlan")) {
        hops.add(hop(member, HopKind.TUNNEL, b.name(), "", -1, true, ev(brq.origin(), b.line())));
      } else if (!isPortDevice(member) && !kind.equals("veth") && !kind.equals("tun")) {
        hops.add(
            hop(
                member,
                HopKind.PHYSICAL_NIC,
                b.name(),
                "",
                vlanOf(member),
                true,
                ev(brq.origin(), b.line())));
      }
    }
  }

  // other ports of the same network: VM taps, the DHCP namespace's tap, router qr-/qg- devices
  private static boolean isPortDevice(String name) {
    return DeviceNames.prefix(name).isPresent();
  }

  // eth1.100: the agent's VLAN sub-interface for segmentation id 100
  private static int vlanOf(String device) {
    int dot = device.lastIndexOf('.');
    try {
      return dot > 0 ? Integer.parseInt(device.substring(dot + 1)) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // qvm (ply port 1) → ply → pvi (ply port 2) ⇄ pvo (br-int)
  private void fusionSphere() {
    String ply = "ply" + id;
    ovsOrMissing("qvm" + id, HopKind.VETH_BRIDGE_SIDE, ply);
    Optional<HostFacts.Located<OvsVsctlShow.OvsBridge>> plyBridge =
        h.ovsBridges.stream().filter(b -> b.value().name().equals(ply)).findFirst();
    List<Evidence> plyEv =
        plyBridge.map(b -> ev(b.origin(), b.value().line())).orElse(new ArrayList<>());
    h.ofport(ply, ply).ifPresent(p -> plyEv.add(new Evidence(p.origin(), p.value().line())));
    hops.add(
        hop(
            ply,
            HopKind.PORT_BRIDGE,
            "",
            "",
            -1,
            plyBridge.isPresent() || !h.ofBridgeOf(ply).isEmpty() || h.ovsPort(ply).isPresent(),
            plyEv));
    ovsOrMissing("pvi" + id, HopKind.PATCH, ply);
    String bridge = ovsOrMissing("pvo" + id, HopKind.PATCH, "br-int");
    integration(bridge.isEmpty() ? "br-int" : bridge);
  }

  // qvb ⇄ qvo (br-int)
  private void hybrid(Optional<HostFacts.Located<BrctlShow.LinuxBridge>> qbr) {
    String qvb = "qvb" + id;
    boolean seen = qbr.map(b -> b.value().interfaces().contains(qvb)).orElse(false);
    hops.add(
        hop(
            qvb,
            HopKind.VETH_BRIDGE_SIDE,
            qbr.map(b -> b.value().name()).orElse(""),
            "",
            -1,
            seen,
            qbr.map(b -> ev(b.origin(), b.value().line())).orElse(List.of())));
    String bridge = ovsOrMissing("qvo" + id, HopKind.VETH_OVS_SIDE, "br-int");
    integration(bridge.isEmpty() ? "br-int" : bridge);
  }

  /** Adds the hop of an OVS port; returns the bridge it is on ("" when unseen). */
  private String ovsOrMissing(String name, HopKind kind, String expectedBridge) {
    Optional<HostFacts.Located<Map.Entry<String, OvsVsctlShow.OvsPort>>> p = h.ovsPort(name);
    if (p.isPresent()) {
      ovsHop(name, kind, p.get());
      return p.get().value().getKey().isEmpty() ? expectedBridge : p.get().value().getKey();
    }
    Optional<HostFacts.Located<OvsOfctlShow.OfPort>> of = h.ofport(expectedBridge, name);
    String bridge = of.isPresent() ? ofBridge(name, expectedBridge) : "";
    hops.add(
        hop(
            name,
            kind,
            bridge.isEmpty() ? expectedBridge : bridge,
            of.map(o -> o.value().portNo().value()).orElse(""),
            -1,
            of.isPresent(),
            of.map(o -> ev(o.origin(), o.value().line())).orElse(List.of())));
    return bridge;
  }

  private void ovsHop(
      String name,
      HopKind kind,
      HostFacts.Located<Map.Entry<String, OvsVsctlShow.OvsPort>> located) {
    String bridge = located.value().getKey();
    OvsVsctlShow.OvsPort port = located.value().getValue();
    if (bridge.isEmpty()) {
      bridge = h.ofBridgeOf(name);
    }
    List<Evidence> evidence = ev(located.origin(), port.line());
    Optional<HostFacts.Located<OvsOfctlShow.OfPort>> of = h.ofport(bridge, name);
    of.ifPresent(o -> evidence.add(new Evidence(o.origin(), o.value().line())));
    HostFacts.Located<IpLink.LinkDevice> link = h.links.get(name);
    if (link != null) {
      evidence.add(new Evidence(link.origin(), link.value().line()));
    }
    // the OpenFlow port's addr, else the device's own MAC from ip link (a tap's fe:16:3e:...)
    String mac =
        of.flatMap(o -> o.value().mac())
            .or(() -> link == null ? Optional.empty() : link.value().mac())
            .map(MacAddress::value)
            .orElse("");
    String peer = port.interfaces().isEmpty() ? "" : port.interfaces().get(0).peer();
    hops.add(
        new Hop(
            name,
            kind,
            bridge,
            of.map(o -> o.value().portNo().value()).orElse(""),
            port.tag(),
            mac,
            true,
            h.key,
            peer,
            fdbOn(bridge, of.map(o -> o.value().portNo().value()).orElse("")),
            evidence));
  }

  private void integration(String bridge) {
    Optional<HostFacts.Located<OvsVsctlShow.OvsBridge>> b =
        h.ovsBridges.stream().filter(x -> x.value().name().equals(bridge)).findFirst();
    boolean seen = b.isPresent() || h.ofports.containsKey(bridge);
    List<Evidence> evidence =
        b.map(x -> ev(x.origin(), x.value().line())).orElse(new ArrayList<>());
    List<FdbSighting> fdb = fdbOn(bridge, "*");
    fdb.forEach(f -> evidence.add(f.evidence()));
    int tag = hops.isEmpty() ? -1 : hops.get(hops.size() - 1).vlan();
    hops.add(
        new Hop(
            bridge, HopKind.INTEGRATION_BRIDGE, "", "", -1, "", seen, h.key, "", fdb, evidence));
    hops.addAll(OnwardTracer.trace(h, bridge, tag));
  }

  /** FDB entries for the VM's MAC on {@code bridge}; port {@code *}: any port. */
  private List<FdbSighting> fdbOn(String bridge, String port) {
    List<FdbSighting> out = new ArrayList<>();
    if (vmMac.isEmpty() || port.isEmpty()) {
      return out;
    }
    for (HostFacts.Located<OvsAppctlFdbShow.FdbEntry> e : h.fdb) {
      OvsAppctlFdbShow.FdbEntry f = e.value();
      if (f.mac().equals(vmMac.get())
          && (f.bridge().equals(bridge) || f.bridge().isEmpty())
          && (port.equals("*") || f.port().equals(port))) {
        out.add(
            new FdbSighting(
                f.bridge(),
                f.port(),
                f.vlan(),
                f.mac().value(),
                f.age(),
                new Evidence(e.origin(), f.line())));
      }
    }
    return out;
  }

  private String ofBridge(String name, String expected) {
    String b = h.ofBridgeOf(name);
    return b.isEmpty() ? expected : b;
  }

  private Hop hop(
      String device,
      HopKind kind,
      String bridge,
      String ofport,
      int vlan,
      boolean present,
      List<Evidence> evidence) {
    HostFacts.Located<IpLink.LinkDevice> link = h.links.get(device);
    if (link == null) {
      return new Hop(
          device, kind, bridge, ofport, vlan, "", present, h.key, "", List.of(), evidence);
    }
    List<Evidence> ev = new ArrayList<>(evidence);
    ev.add(new Evidence(link.origin(), link.value().line()));
    String b = bridge.isEmpty() ? link.value().master() : bridge;
    return new Hop(
        device,
        kind,
        b,
        ofport,
        vlan,
        link.value().mac().map(MacAddress::value).orElse(""),
        true,
        h.key,
        "",
        List.of(),
        ev);
  }

  static List<Evidence> ev(String origin, int line) {
    List<Evidence> l = new ArrayList<>();
    l.add(new Evidence(origin, line));
    return l;
  }
}
