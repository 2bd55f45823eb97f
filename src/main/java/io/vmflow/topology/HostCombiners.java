package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.parse.BrctlShow;
import io.vmflow.parse.BridgeFdbShow;
import io.vmflow.parse.BridgeLinkShow;
import io.vmflow.parse.InNamespace;
import io.vmflow.parse.IpLink;
import io.vmflow.parse.IpNetns;
import io.vmflow.parse.OvsAppctlFdbShow;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsOfctlShow;
import io.vmflow.parse.OvsVsctlShow;
import io.vmflow.topology.HostFacts.Located;
import java.util.ArrayList;
import java.util.List;

/** The host-side combiners: each joins the facts of one record kind into a host's index. */
final class HostCombiners {

  static final Combiners<HostFacts> ALL =
      new Combiners<HostFacts>()
          .on(BrctlShow.class, HostCombiners::brctl)
          .on(BridgeLinkShow.class, HostCombiners::bridgeLink)
          .on(BridgeFdbShow.class, HostCombiners::bridgeFdb)
          .on(OvsVsctlShow.class, HostCombiners::ovsdb)
          .on(OvsOfctlShow.class, HostCombiners::ofports)
          .on(IpLink.class, HostCombiners::links)
          .on(OvsOfctlDumpFlows.class, HostCombiners::flows)
          .on(OvsAppctlFdbShow.class, HostCombiners::ovsFdb)
          .on(IpNetns.class, HostCombiners::netns)
          .on(InNamespace.class, HostCombiners::inNamespace);

  private HostCombiners() {}

  private static void brctl(HostFacts h, BrctlShow b, Fact f) {
    b.bridges().forEach(x -> h.brctl.add(new Located<>(x, f.origin())));
  }

  // bridge link lists members with their master; read as the brctl rows they stand for
  private static void bridgeLink(HostFacts h, BridgeLinkShow b, Fact f) {
    for (String bridge : b.bridges()) {
      List<BridgeLinkShow.Port> members = b.membersOf(bridge);
      List<String> names = members.stream().map(BridgeLinkShow.Port::name).toList();
      h.bridgeLink.add(
          new Located<>(
              new BrctlShow.LinuxBridge(bridge, "", false, names, members.get(0).line()),
              f.origin()));
    }
  }

  // a Linux bridge's entries (master qbr..); a device's own (self) entries are not a bridge's
  // learning
  private static void bridgeFdb(HostFacts h, BridgeFdbShow d, Fact f) {
    for (BridgeFdbShow.Entry e : d.entries()) {
      if (!e.master().isEmpty()) {
        h.fdb.add(
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
  }

  private static void ovsdb(HostFacts h, OvsVsctlShow o, Fact f) {
    o.bridges().forEach(x -> h.ovsBridges.add(new Located<>(x, f.origin())));
  }

  // grep-cut outputs lose the bridge line: the file's subject names the bridge
  private static void ofports(HostFacts h, OvsOfctlShow o, Fact f) {
    String bridge = o.bridge().isEmpty() ? f.subject() : o.bridge();
    o.ports()
        .forEach(
            p ->
                h.ofports
                    .computeIfAbsent(bridge, k -> new ArrayList<>())
                    .add(new Located<>(p, f.origin())));
  }

  private static void links(HostFacts h, IpLink l, Fact f) {
    for (IpLink.LinkDevice d : l.devices()) {
      h.links.merge(d.name(), new Located<>(d, f.origin()), HostFacts::richer);
    }
  }

  private static void flows(HostFacts h, OvsOfctlDumpFlows d, Fact f) {
    String bridge = d.bridge().isEmpty() ? f.subject() : d.bridge();
    if (bridge.isEmpty()) {
      h.unnamedFlows.add(d.flows());
    } else {
      h.flows.computeIfAbsent(bridge, k -> new ArrayList<>()).addAll(d.flows());
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
        h.dropFlows.add(
            new DropFlow(
                bridge,
                flow.table(),
                flow.priority(),
                match,
                flow.packets(),
                new Evidence(f.origin(), flow.line())));
      }
    }
  }

  private static void ovsFdb(HostFacts h, OvsAppctlFdbShow d, Fact f) {
    for (OvsAppctlFdbShow.FdbEntry e : d.entries()) {
      OvsAppctlFdbShow.FdbEntry fixed =
          e.bridge().isEmpty()
              ? new OvsAppctlFdbShow.FdbEntry(
                  f.subject(), e.port(), e.vlan(), e.mac(), e.age(), e.line())
              : e;
      h.fdb.add(new Located<>(fixed, f.origin()));
    }
  }

  private static void netns(HostFacts h, IpNetns n, Fact f) {
    for (IpNetns.Namespace ns : n.namespaces()) {
      h.namespace(ns.name()).listed = new Located<>(ns.line(), f.origin());
    }
  }

  // the namespace is the artifact's subject (ip_netns_exec_<ns>_..., ip netns exec NS ...)
  private static void inNamespace(HostFacts h, InNamespace in, Fact f) {
    if (f.subject().isEmpty()) {
      return;
    }
    NamespaceFacts ns = h.namespace(f.subject());
    in.addresses()
        .ifPresent(
            a -> {
              ns.hasAddresses = true;
              a.devices()
                  .forEach(
                      d ->
                          ns.devices.merge(
                              d.name(), new Located<>(d, f.origin()), HostFacts::richer));
            });
    in.routes()
        .ifPresent(
            r -> {
              ns.hasRoutes = true;
              r.routes().forEach(x -> ns.routes.add(new Located<>(x, f.origin())));
            });
    in.neighbours()
        .ifPresent(
            n -> {
              ns.hasNeighbours = true;
              n.neighbours().forEach(x -> ns.neighbours.add(new Located<>(x, f.origin())));
            });
    in.rules()
        .ifPresent(
            r -> {
              ns.hasRules = true;
              r.rules().forEach(x -> ns.rules.add(new Located<>(x, f.origin())));
            });
    in.firewall()
        .ifPresent(
            r -> {
              ns.hasFirewall = true;
              r.rules().forEach(x -> ns.firewall.add(new Located<>(x, f.origin())));
            });
  }
}
