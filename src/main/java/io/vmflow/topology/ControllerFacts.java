package io.vmflow.topology;

import io.vmflow.model.OpenstackId;
import io.vmflow.parse.DhcpHosts;
import io.vmflow.parse.FloatingIpList;
import io.vmflow.parse.HostList;
import io.vmflow.parse.Hostname;
import io.vmflow.parse.InterfaceList;
import io.vmflow.parse.LibvirtDomain;
import io.vmflow.parse.NetworkList;
import io.vmflow.parse.NetworkShow;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.PortList;
import io.vmflow.parse.PortShow;
import io.vmflow.parse.RouterList;
import io.vmflow.parse.RouterShow;
import io.vmflow.parse.ServerList;
import io.vmflow.parse.ServerShow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The controller-side facts of a dump (nova, neutron, openstack, cps), indexed by id, and the DHCP
 * agents' host files, which are read per network as the controller's tables are.
 */
final class ControllerFacts {

  record At<T>(T value, String origin, String host, String subject) {}

  final Map<String, At<ServerList.Server>> servers = new LinkedHashMap<>();
  final Map<String, At<ServerShow>> serverShows = new LinkedHashMap<>();
  final List<At<InterfaceList>> interfaces = new ArrayList<>();
  final Map<String, At<PortShow>> ports = new LinkedHashMap<>();
  final Map<String, At<PortList.PortRow>> portRows = new LinkedHashMap<>();
  final Map<String, At<NetworkList.Network>> networks = new LinkedHashMap<>();
  final Map<String, At<RouterList.Router>> routers = new LinkedHashMap<>();
  final Map<String, At<io.vmflow.parse.SubnetShow>> subnets = new LinkedHashMap<>();
  final Map<String, At<NetworkShow>> networkShows = new LinkedHashMap<>();
  final List<At<DhcpHosts>> dhcpHosts = new ArrayList<>();
  final Map<String, At<FloatingIpList.FloatingIp>> floatingIps = new LinkedHashMap<>();
  final Map<String, At<HostList.CpsHost>> cpsHosts = new LinkedHashMap<>();
  final Map<String, String> hostnames = new LinkedHashMap<>();
  final List<At<LibvirtDomain>> domains = new ArrayList<>();

  void add(Fact f) {
    ALL.join(this, f);
  }

  // one combiner per record kind; ids are keys in their lower-case form (OpenstackId)
  private static final Combiners<ControllerFacts> ALL =
      new Combiners<ControllerFacts>()
          .on(ServerList.class, ControllerFacts::serverList)
          .on(ServerShow.class, ControllerFacts::serverShow)
          .on(InterfaceList.class, ControllerFacts::interfaceList)
          .on(PortShow.class, ControllerFacts::portShow)
          .on(PortList.class, ControllerFacts::portList)
          .on(NetworkList.class, ControllerFacts::networkList)
          .on(RouterList.class, ControllerFacts::routerList)
          .on(RouterShow.class, ControllerFacts::routerShow)
          .on(HostList.class, ControllerFacts::hostList)
          .on(io.vmflow.parse.SubnetShow.class, ControllerFacts::subnetShow)
          .on(NetworkShow.class, ControllerFacts::networkShow)
          .on(DhcpHosts.class, ControllerFacts::dhcpHosts)
          .on(FloatingIpList.class, ControllerFacts::floatingIpList)
          .on(LibvirtDomain.class, ControllerFacts::domain)
          .on(Hostname.class, ControllerFacts::hostname);

  /** The record kinds the controller side joins. */
  static java.util.Set<Class<? extends ParsedRecord>> joined() {
    return ALL.types();
  }

  private static <T> At<T> at(T value, Fact f, String subject) {
    return new At<>(value, f.origin(), f.host(), subject);
  }

  private void serverList(ServerList s, Fact f) {
    s.servers().forEach(x -> servers.putIfAbsent(key(x.id()), at(x, f, f.subject())));
  }

  private void serverShow(ServerShow s, Fact f) {
    String id = s.id().isEmpty() ? f.subject() : s.id();
    serverShows.put(key(id), at(s, f, id));
  }

  private void interfaceList(InterfaceList i, Fact f) {
    interfaces.add(at(i, f, i.serverId().isEmpty() ? f.subject() : i.serverId()));
  }

  private void portShow(PortShow p, Fact f) {
    ports.put(key(p.id()), at(p, f, f.subject()));
  }

  private void portList(PortList l, Fact f) {
    l.ports().forEach(p -> portRows.putIfAbsent(key(p.id()), at(p, f, "")));
  }

  private void networkList(NetworkList n, Fact f) {
    n.networks().forEach(x -> networks.putIfAbsent(key(x.id()), at(x, f, "")));
  }

  private void routerList(RouterList r, Fact f) {
    r.routers().forEach(x -> routers.merge(key(x.id()), at(x, f, ""), (a, b) -> a));
  }

  private void routerShow(RouterShow r, Fact f) {
    routers.put(key(r.router().id()), at(r.router(), f, f.subject()));
  }

  private void subnetShow(io.vmflow.parse.SubnetShow s, Fact f) {
    subnets.put(key(s.id()), at(s, f, f.subject()));
  }

  private void networkShow(NetworkShow n, Fact f) {
    networkShows.put(key(n.id()), at(n, f, f.subject()));
  }

  // a DHCP agent's host file: the network is the file's folder (the fact's subject)
  private void dhcpHosts(DhcpHosts d, Fact f) {
    dhcpHosts.add(at(d, f, f.subject()));
  }

  private void floatingIpList(FloatingIpList l, Fact f) {
    l.floatingIps().forEach(x -> floatingIps.putIfAbsent(key(x.floatingIp()), at(x, f, "")));
  }

  private void hostList(HostList h, Fact f) {
    h.hosts().forEach(x -> cpsHosts.putIfAbsent(key(x.id()), at(x, f, "")));
  }

  private void domain(LibvirtDomain d, Fact f) {
    domains.add(at(d, f, f.subject()));
  }

  private void hostname(Hostname h, Fact f) {
    if (!f.host().isEmpty()) {
      hostnames.put(f.host(), h.name());
    }
  }

  private static String key(String id) {
    return OpenstackId.key(id);
  }
}
