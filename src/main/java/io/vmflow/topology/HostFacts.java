package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.BridgeFdbShow;
import io.vmflow.parse.BridgeLinkShow;
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
  private final List<Located<BrctlShow.LinuxBridge>> brctl = new ArrayList<>();
  private final List<Located<BrctlShow.LinuxBridge>> bridgeLink = new ArrayList<>();
  final List<Located<OvsVsctlShow.OvsBridge>> ovsBridges = new ArrayList<>();
  final Map<String, List<Located<OvsOfctlShow.OfPort>>> ofports = new LinkedHashMap<>();
  final List<Located<OvsAppctlFdbShow.FdbEntry>> fdb = new ArrayList<>();
  final Map<String, Located<IpLink.LinkDevice>> links = new LinkedHashMap<>();
  final List<DropFlow> dropFlows = new ArrayList<>();
  private final Map<String, List<OvsOfctlDumpFlows.Flow>> flows = new LinkedHashMap<>();
  private final List<List<OvsOfctlDumpFlows.Flow>> unnamedFlows = new ArrayList<>();
  final Map<Spec, String> seen = new LinkedHashMap<>();
  // path tracing asks these for every VM of the host; they are derived once after the last add()
  private List<Located<BrctlShow.LinuxBridge>> linuxBridgesCache;
  private final Map<String, List<OvsOfctlDumpFlows.Flow>> flowsOfCache = new LinkedHashMap<>();
  private final Map<String, List<OvsOfctlDumpFlows.Flow>> flowsFromCache = new LinkedHashMap<>();

  HostFacts(String key) {
    this.key = key;
  }

  void add(Fact f) {
    linuxBridgesCache = null;
    flowsOfCache.clear();
    flowsFromCache.clear();
    seen.merge(f.spec(), f.origin(), (a, b) -> a);
    Object v = f.value();
    if (v instanceof BrctlShow b) {
      b.bridges().forEach(x -> brctl.add(new Located<>(x, f.origin())));
    } else if (v instanceof BridgeLinkShow b) {
      for (String bridge : b.bridges()) {
        List<BridgeLinkShow.Port> members = b.membersOf(bridge);
        List<String> names = members.stream().map(BridgeLinkShow.Port::name).toList();
        bridgeLink.add(
            new Located<>(
                new BrctlShow.LinuxBridge(bridge, "", false, names, members.get(0).line()),
                f.origin()));
      }
    } else if (v instanceof BridgeFdbShow d) {
      // a Linux bridge's entries (master qbr..); a device's own (self) entries are not a bridge's
      // learning
      for (BridgeFdbShow.Entry e : d.entries()) {
        if (!e.master().isEmpty()) {
          fdb.add(
              new Located<>(
                  new OvsAppctlFdbShow.FdbEntry(
                      e.master(),
                      e.dev(),
                      Math.max(0, e.vlan()),
                      e.mac(),
                      e.learned() ? e.used() : e.permanence(),
                      e.line()),
                  f.origin()));
        }
      }
    } else if (v instanceof OvsVsctlShow o) {
      o.bridges().forEach(x -> ovsBridges.add(new Located<>(x, f.origin())));
    } else if (v instanceof OvsOfctlShow o) {
      String bridge = o.bridge().isEmpty() ? f.subject() : o.bridge();
      o.ports()
          .forEach(
              p ->
                  ofports
                      .computeIfAbsent(bridge, k -> new ArrayList<>())
                      .add(new Located<>(p, f.origin())));
    } else if (v instanceof IpLink l) {
      for (IpLink.LinkDevice d : l.devices()) {
        links.merge(d.name(), new Located<>(d, f.origin()), HostFacts::richer);
      }
    } else if (v instanceof OvsOfctlDumpFlows d) {
      String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
      if (bridge.isEmpty()) {
        unnamedFlows.add(d.flows());
      } else {
        flows.computeIfAbsent(bridge, k -> new ArrayList<>()).addAll(d.flows());
      }
      for (OvsOfctlDumpFlows.Flow flow : d.flows()) {
        boolean drops = flow.actions().isEmpty() || flow.actions().equals(List.of("drop"));
        if (drops && flow.priority() > 0 && flow.packets() > 0) {
          String match =
              String.join(
                  ",",
                  flow.match().stream()
                      .map(m -> m.value().isEmpty() ? m.name() : m.name() + "=" + m.value())
                      .toList());
          dropFlows.add(
              new DropFlow(
                  bridge,
                  flow.table(),
                  flow.priority(),
                  match,
                  flow.packets(),
                  new Evidence(f.origin(), flow.line())));
        }
      }
    } else if (v instanceof OvsAppctlFdbShow d) {
      for (OvsAppctlFdbShow.FdbEntry e : d.entries()) {
        OvsAppctlFdbShow.FdbEntry fixed =
            e.bridge().isEmpty()
                ? new OvsAppctlFdbShow.FdbEntry(
                    f.subject(), e.port(), e.vlan(), e.mac(), e.age(), e.line())
                : e;
        fdb.add(new Located<>(fixed, f.origin()));
      }
    }
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
  private static Located<IpLink.LinkDevice> richer(
      Located<IpLink.LinkDevice> a, Located<IpLink.LinkDevice> b) {
    boolean keepA =
        a.value().mac().isPresent() || a.value().flags().size() > b.value().flags().size();
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
            d.line()),
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
