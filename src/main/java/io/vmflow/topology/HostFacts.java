package io.vmflow.topology;

import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.OvsAppctlFdbShow;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host-side facts of one host, indexed for path tracing: Linux bridges, OVSDB, OpenFlow ports
 * by bridge (grep-cut outputs of one bridge merged), FDB entries.
 */
final class HostFacts {

  record Located<T>(T value, String origin) {}

  final String key;
  final List<Located<BrctlShow.LinuxBridge>> brctl = new ArrayList<>();
  final List<Located<BrctlShow.LinuxBridge>> bridgeLink = new ArrayList<>();
  final List<Located<OvsVsctlShow.OvsBridge>> ovsBridges = new ArrayList<>();
  final Map<String, List<Located<OvsOfctlShow.OfPort>>> ofports = new LinkedHashMap<>();
  final List<Located<OvsAppctlFdbShow.FdbEntry>> fdb = new ArrayList<>();
  final Map<String, Located<IpLink.LinkDevice>> links = new LinkedHashMap<>();
  final List<DropFlow> dropFlows = new ArrayList<>();
  final Map<String, List<OvsOfctlDumpFlows.Flow>> flows = new LinkedHashMap<>();
  final List<List<OvsOfctlDumpFlows.Flow>> unnamedFlows = new ArrayList<>();
  final Map<Spec, String> seen = new LinkedHashMap<>();
  final Map<String, NamespaceFacts> namespaces = new LinkedHashMap<>();
  // path tracing asks these for every VM of the host; they are derived once after the last add()
  private List<Located<BrctlShow.LinuxBridge>> linuxBridgesCache;
  private final Map<String, List<OvsOfctlDumpFlows.Flow>> flowsOfCache = new LinkedHashMap<>();
  private final Map<String, List<OvsOfctlDumpFlows.Flow>> flowsFromCache = new LinkedHashMap<>();

  HostFacts(String key) {
    this.key = key;
  }

  NamespaceFacts namespace(String name) {
    return namespaces.computeIfAbsent(name, NamespaceFacts::new);
  }

  void add(Fact f) {
    linuxBridgesCache = null;
    flowsOfCache.clear();
    flowsFromCache.clear();
    seen.merge(f.spec(), f.origin(), (a, b) -> a);
    HostCombiners.ALL.join(this, f);
  }

  /**
   * The flows of {@code bridge}: dumps named for it, and dumps saved without the bridge's name
   * whose {@code in_port} names a port OVSDB puts on it.
   */
  List<OvsOfctlDumpFlows.Flow> flowsOf(String bridge) {
    return flowsOfCache.computeIfAbsent(
        bridge,
        b -> {
          List<OvsOfctlDumpFlows.Flow> out = new ArrayList<>(flows.getOrDefault(b, List.of()));
          for (List<OvsOfctlDumpFlows.Flow> dump : unnamedFlows) {
            if (ownerOf(dump).equals(b)) {
              out.addAll(dump);
            }
          }
          return List.copyOf(out);
        });
  }

  /**
   * The flows of {@code bridge} matching traffic from {@code port}: {@code in_port="int-br-x"} (OVS
   * 2.8+), {@code in_port=int-br-x}, or its OpenFlow number (older OVS).
   */
  List<OvsOfctlDumpFlows.Flow> flowsFrom(String bridge, String port) {
    return flowsFromCache.computeIfAbsent(
        bridge + "\n" + port,
        k -> {
          String number = ofport(bridge, port).map(o -> o.value().portNo().value()).orElse("");
          return flowsOf(bridge).stream()
              .filter(
                  f -> {
                    String in = f.get("in_port").replace("\"", "");
                    return in.equals(port) || !in.isEmpty() && in.equals(number);
                  })
              .toList();
        });
  }

  // in_port="int-br-provider" is a port name; in_port=2 or LOCAL says nothing about the bridge
  private String ownerOf(List<OvsOfctlDumpFlows.Flow> dump) {
    for (OvsOfctlDumpFlows.Flow f : dump) {
      String in = f.get("in_port").replace("\"", "");
      if (!in.isEmpty() && !in.equals("LOCAL") && !in.chars().allMatch(Character::isDigit)) {
        Optional<String> bridge =
            ovsPort(in).map(p -> p.value().getKey()).filter(b -> !b.isEmpty());
        if (bridge.isPresent()) {
          return bridge.get();
        }
      }
    }
    return "";
  }

  /**
   * One device seen by several {@code ip} outputs ({@code ip -s -d link}, {@code ip -d address},
   * {@code ip -o addr}): the fuller record is kept, with the addresses of both, so the host's IPs
   * do not depend on which file was read first.
   */
  static Located<IpLink.LinkDevice> richer(
      Located<IpLink.LinkDevice> a, Located<IpLink.LinkDevice> b) {
    int staleA = DeviceReadings.staleness(a.origin());
    int staleB = DeviceReadings.staleness(b.origin());
    boolean keepA =
        staleA != staleB
            ? staleA < staleB
            : a.value().mac().isPresent() || a.value().flags().size() > b.value().flags().size();
    Located<IpLink.LinkDevice> kept = keepA ? a : b;
    Located<IpLink.LinkDevice> other = keepA ? b : a;
    List<String> addresses = new ArrayList<>(kept.value().addresses());
    other.value().addresses().stream().filter(x -> !addresses.contains(x)).forEach(addresses::add);
    if (addresses.size() == kept.value().addresses().size()) {
      return kept;
    }
    IpLink.LinkDevice d = kept.value();
    return new Located<>(
        new IpLink.LinkDevice(
            d.index(),
            d.name(),
            d.peer(),
            d.flags(),
            d.mtu(),
            d.master(),
            d.state(),
            d.mac(),
            d.kind(),
            addresses,
            d.line(),
            d.pointToPoint(),
            d.tunnel(),
            d.counters()),
        kept.origin());
  }

  boolean has(Spec spec) {
    return seen.containsKey(spec);
  }

  /**
   * Linux bridges and their members, from {@code brctl show}; bridges it does not list (recent sos
   * no longer collects it) from {@code bridge link}, then from the {@code master} of {@code ip -d
   * link} devices whose master is a bridge.
   */
  List<Located<BrctlShow.LinuxBridge>> linuxBridges() {
    if (linuxBridgesCache == null) {
      Map<String, Located<BrctlShow.LinuxBridge>> out = new LinkedHashMap<>();
      brctl.forEach(b -> out.putIfAbsent(b.value().name(), b));
      bridgeLink.forEach(b -> out.putIfAbsent(b.value().name(), b));
      ipLinkBridges().forEach(b -> out.putIfAbsent(b.value().name(), b));
      linuxBridgesCache = List.copyOf(out.values());
    }
    return linuxBridgesCache;
  }

  private List<Located<BrctlShow.LinuxBridge>> ipLinkBridges() {
    Map<String, List<Located<IpLink.LinkDevice>>> members = new LinkedHashMap<>();
    for (Located<IpLink.LinkDevice> l : links.values()) {
      String master = l.value().master();
      Located<IpLink.LinkDevice> m = links.get(master);
      boolean bridge =
          m != null
              ? m.value().kind().equals("bridge")
              : master.startsWith("qbr") || master.startsWith("brq");
      if (!master.isEmpty() && bridge) {
        members.computeIfAbsent(master, k -> new ArrayList<>()).add(l);
      }
    }
    List<Located<BrctlShow.LinuxBridge>> out = new ArrayList<>();
    members.forEach(
        (name, ms) -> {
          Located<IpLink.LinkDevice> self = links.getOrDefault(name, ms.get(0));
          out.add(
              new Located<>(
                  new BrctlShow.LinuxBridge(
                      name,
                      "",
                      false,
                      ms.stream().map(x -> x.value().name()).toList(),
                      self.value().line()),
                  self.origin()));
        });
    return out;
  }

  /** The Linux bridge with {@code iface} as a member. */
  Optional<Located<BrctlShow.LinuxBridge>> linuxBridgeOf(String iface) {
    return linuxBridges().stream().filter(b -> b.value().interfaces().contains(iface)).findFirst();
  }

  Optional<Located<BrctlShow.LinuxBridge>> linuxBridge(String name) {
    return linuxBridges().stream().filter(b -> b.value().name().equals(name)).findFirst();
  }

  /**
   * The OVS bridge holding port {@code port}: its name ("" when the bridge line was cut) and port.
   */
  Optional<Located<Map.Entry<String, OvsVsctlShow.OvsPort>>> ovsPort(String port) {
    for (Located<OvsVsctlShow.OvsBridge> b : ovsBridges) {
      Optional<OvsVsctlShow.OvsPort> p = b.value().port(port);
      if (p.isPresent()) {
        return Optional.of(new Located<>(Map.entry(b.value().name(), p.get()), b.origin()));
      }
    }
    return Optional.empty();
  }

  /** The OpenFlow port named {@code name}, looking on {@code bridge} first, then on any bridge. */
  Optional<Located<OvsOfctlShow.OfPort>> ofport(String bridge, String name) {
    for (Located<OvsOfctlShow.OfPort> p : ofports.getOrDefault(bridge, List.of())) {
      if (p.value().name().equals(name)) {
        return Optional.of(p);
      }
    }
    return ofports.entrySet().stream()
        .filter(e -> bridge.isEmpty() || e.getKey().isEmpty())
        .flatMap(e -> e.getValue().stream())
        .filter(p -> p.value().name().equals(name))
        .findFirst();
  }

  /** Bridge name of an OpenFlow port seen in {@code ovs-ofctl show} output, "" when unknown. */
  String ofBridgeOf(String name) {
    return ofports.entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(p -> p.value().name().equals(name)))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("");
  }

  boolean knowsDevice(String name) {
    return links.containsKey(name)
        || linuxBridges().stream()
            .anyMatch(b -> b.value().name().equals(name) || b.value().interfaces().contains(name))
        || ovsPort(name).isPresent()
        || ovsBridges.stream().anyMatch(b -> b.value().name().equals(name))
        || !ofBridgeOf(name).isEmpty();
  }
}
