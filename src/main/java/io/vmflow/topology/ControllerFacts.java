package io.vmflow.topology;

import io.vmflow.parse.HostList;
import io.vmflow.parse.Hostname;
import io.vmflow.parse.InterfaceList;
import io.vmflow.parse.LibvirtDomain;
import io.vmflow.parse.NetworkList;
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

/** The controller-side facts of a dump (nova, neutron, openstack, cps), indexed by id. */
final class ControllerFacts {

  record At<T>(T value, String origin, String host, String subject) {}

  final Map<String, At<ServerList.Server>> servers = new LinkedHashMap<>();
  final Map<String, At<ServerShow>> serverShows = new LinkedHashMap<>();
  final List<At<InterfaceList>> interfaces = new ArrayList<>();
  final Map<String, At<PortShow>> ports = new LinkedHashMap<>();
  final Map<String, At<PortList.PortRow>> portRows = new LinkedHashMap<>();
  final Map<String, At<NetworkList.Network>> networks = new LinkedHashMap<>();
  final Map<String, At<RouterList.Router>> routers = new LinkedHashMap<>();
  final Map<String, At<HostList.CpsHost>> cpsHosts = new LinkedHashMap<>();
  final Map<String, String> hostnames = new LinkedHashMap<>();
  final List<At<LibvirtDomain>> domains = new ArrayList<>();

  void add(Fact f) {
    Object v = f.value();
    if (v instanceof ServerList s) {
      s.servers()
          .forEach(
              x ->
                  servers.putIfAbsent(
                      x.id().toLowerCase(), new At<>(x, f.origin(), f.host(), f.subject())));
    } else if (v instanceof ServerShow s) {
      String id = s.id().isEmpty() ? f.subject() : s.id();
      serverShows.put(id.toLowerCase(), new At<>(s, f.origin(), f.host(), id));
    } else if (v instanceof InterfaceList i) {
      interfaces.add(
          new At<>(i, f.origin(), f.host(), i.serverId().isEmpty() ? f.subject() : i.serverId()));
    } else if (v instanceof PortShow p) {
      ports.put(p.id().toLowerCase(), new At<>(p, f.origin(), f.host(), f.subject()));
    } else if (v instanceof PortList l) {
      l.ports()
          .forEach(
              p ->
                  portRows.putIfAbsent(
                      p.id().toLowerCase(), new At<>(p, f.origin(), f.host(), "")));
    } else if (v instanceof NetworkList n) {
      n.networks()
          .forEach(
              x ->
                  networks.putIfAbsent(
                      x.id().toLowerCase(), new At<>(x, f.origin(), f.host(), "")));
    } else if (v instanceof RouterList r) {
      r.routers()
          .forEach(
              x ->
                  routers.merge(
                      x.id().toLowerCase(), new At<>(x, f.origin(), f.host(), ""), (a, b) -> a));
    } else if (v instanceof RouterShow r) {
      routers.put(
          r.router().id().toLowerCase(), new At<>(r.router(), f.origin(), f.host(), f.subject()));
    } else if (v instanceof HostList h) {
      h.hosts()
          .forEach(
              x ->
                  cpsHosts.putIfAbsent(
                      x.id().toLowerCase(), new At<>(x, f.origin(), f.host(), "")));
    } else if (v instanceof LibvirtDomain d) {
      domains.add(new At<>(d, f.origin(), f.host(), f.subject()));
    } else if (v instanceof Hostname h && !f.host().isEmpty()) {
      hostnames.put(f.host(), h.name());
    }
  }
}
