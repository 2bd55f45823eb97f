package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.model.MacAddress;
import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.HostList;
import io.vmflow.parse.OvsAppctlFdbShow;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's inventory for its page and the checks: identity (cps host-list, sos hostname), every
 * bridge with its ports, the FDB, and which expected outputs the dump holds.
 */
final class HostInventory {

  /** Outputs a hypervisor dump should hold, and what their absence prevents. */
  static final Map<Spec, String> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put(Spec.OVS_VSCTL_SHOW, "OVS ports, VLAN tags and patch peers unknown");
    EXPECTED.put(Spec.OVS_OFCTL_SHOW, "OpenFlow port numbers and port state unknown");
    EXPECTED.put(Spec.OVS_APPCTL_FDB_SHOW, "cannot confirm where the bridge learned VM MACs");
    EXPECTED.put(Spec.BRCTL_SHOW, "Linux bridges (qbr) and their members unknown");
    EXPECTED.put(Spec.IP_LINK, "link state and veth peers unknown");
  }

  private HostInventory() {}

  static Host host(HostFacts h, ControllerFacts ctl, Optional<HostList.CpsHost> cps) {
    List<String> ips = new ArrayList<>();
    cps.ifPresent(
        c ->
            List.of(c.manageIp(), c.omIp()).stream().filter(ip -> !ip.isEmpty()).forEach(ips::add));
    // addresses the host's own interfaces carry (tunnel endpoints among them); loopback and
    // link-local say nothing
    for (HostFacts.Located<io.vmflow.parse.IpLink.LinkDevice> l : h.links.values()) {
      for (String a : l.value().addresses()) {
        String ip = a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
        if (!ip.startsWith("127.")
            && !ip.equals("::1")
            && !ip.startsWith("fe80:")
            && !ips.contains(ip)) {
          ips.add(ip);
        }
      }
    }
    String name =
        cps.map(HostList.CpsHost::hostname)
            .filter(n -> !n.isEmpty())
            .orElse(ctl.hostnames.getOrDefault(h.key, h.key));
    String id = cps.map(HostList.CpsHost::id).orElse("");
    List<Evidence> evidence = new ArrayList<>();
    cps.ifPresent(
        c ->
            ctl.cpsHosts.values().stream()
                .filter(a -> a.value() == c)
                .findFirst()
                .ifPresent(a -> evidence.add(new Evidence(a.origin(), c.line()))));
    return new Host(
        h.key, id, name, ips, bridges(h), fdb(h), links(h), coverage(h), h.dropFlows, evidence);
  }

  private static List<Bridge> bridges(HostFacts h) {
    List<Bridge> out = new ArrayList<>();
    for (HostFacts.Located<BrctlShow.LinuxBridge> b : h.linuxBridges()) {
      List<BridgePort> ports =
          b.value().interfaces().stream()
              .map(
                  i ->
                      new BridgePort(
                          i,
                          "",
                          -1,
                          List.of(),
                          "",
                          "",
                          "",
                          "",
                          false,
                          "",
                          false,
                          List.of(new Evidence(b.origin(), b.value().line()))))
              .toList();
      out.add(
          new Bridge(
              b.value().name(),
              Bridge.Kind.LINUX,
              ports,
              List.of(new Evidence(b.origin(), b.value().line()))));
    }
    Map<String, List<BridgePort>> ovs = new LinkedHashMap<>();
    Map<String, Evidence> ovsEvidence = new LinkedHashMap<>();
    for (HostFacts.Located<OvsVsctlShow.OvsBridge> b : h.ovsBridges) {
      List<BridgePort> ports = ovs.computeIfAbsent(b.value().name(), k -> new ArrayList<>());
      ovsEvidence.putIfAbsent(b.value().name(), new Evidence(b.origin(), b.value().line()));
      for (OvsVsctlShow.OvsPort p : b.value().ports()) {
        ports.add(port(h, b.value().name(), p, b.origin()));
      }
    }
    for (Map.Entry<String, List<HostFacts.Located<OvsOfctlShow.OfPort>>> e : h.ofports.entrySet()) {
      List<BridgePort> ports = ovs.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
      for (HostFacts.Located<OvsOfctlShow.OfPort> o : e.getValue()) {
        if (ports.stream().noneMatch(p -> p.name().equals(o.value().name()))) {
          ports.add(
              new BridgePort(
                  o.value().name(),
                  o.value().portNo().value(),
                  -1,
                  List.of(),
                  "",
                  "",
                  "",
                  "",
                  o.value().isDown(),
                  o.value().mac().map(MacAddress::value).orElse(""),
                  false,
                  List.of(new Evidence(o.origin(), o.value().line()))));
        }
      }
      ovsEvidence.putIfAbsent(
          e.getKey(),
          e.getValue().isEmpty()
              ? new Evidence("", 0)
              : new Evidence(e.getValue().get(0).origin(), 0));
    }
    ovs.forEach(
        (name, ports) ->
            out.add(new Bridge(name, Bridge.Kind.OVS, ports, List.of(ovsEvidence.get(name)))));
    return out;
  }

  private static BridgePort port(
      HostFacts h, String bridge, OvsVsctlShow.OvsPort p, String origin) {
    OvsVsctlShow.OvsInterface i =
        p.interfaces().isEmpty()
            ? new OvsVsctlShow.OvsInterface(p.name(), "", Map.of(), "", p.line())
            : p.interfaces().get(0);
    Optional<HostFacts.Located<OvsOfctlShow.OfPort>> of = h.ofport(bridge, p.name());
    List<Evidence> ev = new ArrayList<>(List.of(new Evidence(origin, p.line())));
    of.ifPresent(o -> ev.add(new Evidence(o.origin(), o.value().line())));
    return new BridgePort(
        p.name(),
        of.map(o -> o.value().portNo().value()).orElse(""),
        p.tag(),
        p.trunks(),
        i.type(),
        i.peer(),
        i.remoteIp(),
        i.error(),
        of.map(o -> o.value().isDown()).orElse(false),
        of.flatMap(o -> o.value().mac()).map(MacAddress::value).orElse(""),
        true,
        ev);
  }

  private static List<Link> links(HostFacts h) {
    List<Link> out = new ArrayList<>();
    for (HostFacts.Located<io.vmflow.parse.IpLink.LinkDevice> l : h.links.values()) {
      var d = l.value();
      out.add(
          new Link(
              d.name(),
              d.peer(),
              d.master(),
              d.state(),
              d.isUp(),
              d.mac().map(MacAddress::value).orElse(""),
              d.kind(),
              new Evidence(l.origin(), d.line())));
    }
    return out;
  }

  private static List<FdbSighting> fdb(HostFacts h) {
    List<FdbSighting> out = new ArrayList<>();
    for (HostFacts.Located<OvsAppctlFdbShow.FdbEntry> e : h.fdb) {
      OvsAppctlFdbShow.FdbEntry f = e.value();
      out.add(
          new FdbSighting(
              f.bridge(),
              f.port(),
              f.vlan(),
              f.mac().value(),
              f.age(),
              new Evidence(e.origin(), f.line())));
    }
    return out;
  }

  /**
   * A host whose dump holds hypervisor output (OVS, bridges, libvirt, or links of a virtual
   * network: tap, qvo, brq, vxlan, OVS bridges); else its data is a controller's. A controller's
   * own {@code ip link} (eth0, lo) does not make it a hypervisor.
   */
  static boolean isHypervisor(HostFacts h) {
    return h.has(Spec.OVS_VSCTL_SHOW)
        || h.has(Spec.BRCTL_SHOW)
        || h.has(Spec.BRIDGE_LINK_SHOW)
        || h.has(Spec.OVS_OFCTL_SHOW)
        || h.has(Spec.OVS_OFCTL_DUMP_FLOWS)
        || h.has(Spec.OVS_APPCTL_FDB_SHOW)
        || h.has(Spec.OVS_DPCTL_SHOW)
        || h.has(Spec.VIRSH_LIST)
        || h.has(Spec.VIRSH_DUMPXML)
        || h.links.keySet().stream().anyMatch(HostInventory::virtualNetworkDevice);
  }

  private static boolean virtualNetworkDevice(String name) {
    return java.util.regex.Pattern.compile("^(tap|qvo|qvb|qbr|brq|vxlan|br-|ovs-system|ply|pvo)")
        .matcher(name)
        .find();
  }

  private static List<Host.Coverage> coverage(HostFacts h) {
    List<Host.Coverage> out = new ArrayList<>();
    if (!isHypervisor(h)) {
      return out;
    }
    // bridge link holds the same membership as brctl show, which recent sos no longer collects
    EXPECTED.forEach(
        (spec, prevents) -> {
          boolean present = h.has(spec) || spec == Spec.BRCTL_SHOW && h.has(Spec.BRIDGE_LINK_SHOW);
          out.add(
              new Host.Coverage(
                  spec.id(), present ? "present" : "missing", present ? "" : prevents));
        });
    return out;
  }
}
