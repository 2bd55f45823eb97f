package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.DeviceNames;
import io.vmflow.model.MacAddress;
import io.vmflow.model.OpenstackId;
import io.vmflow.parse.HostList;
import io.vmflow.parse.InterfaceList;
import io.vmflow.parse.PortShow;
import io.vmflow.parse.RouterList;
import io.vmflow.parse.ServerShow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Entry point of the correlate stage: facts in, topology out. Controller tables say which VMs
 * exist, their ports and hosts; host outputs say which devices exist; the device naming rule links
 * the two.
 */
public final class TopologyBuilder {

  private final ControllerFacts ctl = new ControllerFacts();
  private final Map<String, HostFacts> hostFacts = new LinkedHashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  private TopologyBuilder() {}

  public static Topology build(List<Fact> facts) {
    TopologyBuilder b = new TopologyBuilder();
    for (Fact f : facts) {
      b.ctl.add(f);
      if (!unknownHost(f.host())) {
        b.hostFacts.computeIfAbsent(f.host(), HostFacts::new).add(f);
      }
    }
    return b.run();
  }

  private Topology run() {
    List<Vm> vms = new ArrayList<>();
    for (String id : vmIds()) {
      vms.add(vm(id));
    }
    List<Host> hosts = new ArrayList<>();
    List<ControllerData> controllers = new ArrayList<>();
    for (HostFacts h : hostFacts.values()) {
      boolean runsVm = vms.stream().anyMatch(v -> v.hostKey().equalsIgnoreCase(h.key));
      if (runsVm || HostInventory.isHypervisor(h)) {
        hosts.add(HostInventory.host(h, ctl, cpsHost(h.key)));
      } else {
        controllers.add(
            new ControllerData(
                h.key,
                cpsHost(h.key)
                    .map(HostList.CpsHost::hostname)
                    .filter(n -> !n.isEmpty())
                    .orElse(ctl.hostnames.getOrDefault(h.key, h.key)),
                h.seen.keySet().stream().map(io.vmflow.spec.Spec::id).toList(),
                List.copyOf(h.seen.values())));
      }
    }
    for (Vm vm : vms) {
      if (!unknownHost(vm.hostKey())
          && hosts.stream().noneMatch(h -> h.key().equalsIgnoreCase(vm.hostKey()))) {
        hosts.add(HostInventory.host(new HostFacts(vm.hostKey()), ctl, cpsHost(vm.hostKey())));
      }
    }
    Coverage.missing(hostFacts.values(), vms, findings);
    List<Vm> traced = CrossHost.extend(vms, hosts);
    List<Namespace> namespaces = new ArrayList<>();
    hostFacts.values().forEach(h -> namespaces.addAll(Namespaces.of(h)));
    return new Topology(
        hosts,
        traced,
        findings,
        controllers,
        namespaces,
        L3Tracer.trace(traced, namespaces, subnets()),
        L3Inventory.of(ctl, hostFacts.values()));
  }

  private List<L3Path.Subnet> subnets() {
    List<L3Path.Subnet> out = new ArrayList<>();
    for (var s : ctl.subnets.values()) {
      io.vmflow.parse.SubnetShow v = s.value();
      out.add(
          new L3Path.Subnet(
              v.id(),
              v.cidr(),
              v.gatewayIp(),
              v.enableDhcp().map(String::valueOf).orElse(""),
              v.allocationPools(),
              new Evidence(s.origin(), v.line())));
    }
    return out;
  }

  private Set<String> vmIds() {
    Set<String> ids = new LinkedHashSet<>();
    ids.addAll(ctl.servers.keySet());
    ids.addAll(ctl.serverShows.keySet());
    ctl.interfaces.forEach(i -> ids.add(OpenstackId.key(i.subject())));
    // a host-only dump (a compute node's sosreport) knows its VMs from libvirt: the domain UUID is
    // the nova instance id
    ctl.domains.forEach(d -> ids.add(OpenstackId.key(d.value().uuid())));
    ids.removeIf(String::isEmpty);
    return ids;
  }

  private Vm vm(String id) {
    List<Evidence> evidence = new ArrayList<>();
    String name = "";
    String status = "";
    var server = ctl.servers.get(id);
    if (server != null) {
      name = server.value().name();
      status = server.value().status();
      evidence.add(new Evidence(server.origin(), server.value().line()));
    }
    var show = ctl.serverShows.get(id);
    if (show != null) {
      name = name.isEmpty() ? show.value().name() : name;
      status = status.isEmpty() ? show.value().status() : status;
      evidence.add(new Evidence(show.origin(), show.value().line()));
    }
    if (name.isEmpty()) {
      name = libvirtName(id);
    }
    String hostKey = hostOf(id, show == null ? null : show.value());
    List<VmPort> ports = new ArrayList<>();
    for (var list : ctl.interfaces) {
      if (!list.subject().equalsIgnoreCase(id)) {
        continue;
      }
      for (InterfaceList.VmInterface i : list.value().interfaces()) {
        ports.add(port(id, i, "nova", list.origin(), hostKey));
      }
    }
    for (var p : ctl.ports.values()) {
      if (p.value().deviceId().equalsIgnoreCase(id)
          && ports.stream().noneMatch(x -> x.portId().equalsIgnoreCase(p.value().id()))) {
        ports.add(
            port(
                id,
                new InterfaceList.VmInterface(
                    p.value().status(),
                    p.value().id(),
                    p.value().networkId(),
                    p.value().fixedIps().stream().map(PortShow.FixedIp::ipAddress).toList(),
                    p.value().mac(),
                    p.value().line()),
                "neutron",
                p.origin(),
                hostKey));
      }
    }
    if (ports.isEmpty()) {
      ports.addAll(libvirtPorts(id, server == null ? null : server.value(), hostKey));
    }
    if (hostKey.isEmpty()) {
      hostKey =
          ports.stream()
              .flatMap(p -> p.hops().stream())
              .filter(Hop::present)
              .map(Hop::host)
              .findFirst()
              .orElse("");
    }
    return new Vm(
        server != null ? server.value().id() : show != null ? show.subject() : id,
        name,
        status,
        hostKey,
        ports,
        Routers.of(ctl, ports, findings),
        evidence);
  }

  private VmPort port(
      String vmId, InterfaceList.VmInterface i, String source, String origin, String hostKey) {
    List<Evidence> evidence = new ArrayList<>(List.of(new Evidence(origin, i.line())));
    var detail = ctl.ports.get(OpenstackId.key(i.portId()));
    String alias = "";
    String status = i.portState();
    Optional<MacAddress> mac = i.mac();
    List<String> ips = new ArrayList<>(i.ips());
    String netId = i.netId();
    if (detail != null) {
      PortShow p = detail.value();
      alias = p.aliasId();
      status = p.status().isEmpty() ? status : p.status();
      mac = mac.or(p::mac);
      netId = netId.isEmpty() ? p.networkId() : netId;
      p.fixedIps().stream()
          .map(PortShow.FixedIp::ipAddress)
          .filter(ip -> !ips.contains(ip))
          .forEach(ips::add);
      evidence.add(new Evidence(detail.origin(), p.line()));
    }
    var net = ctl.networks.get(OpenstackId.key(netId));
    String netName = net == null ? "" : net.value().name();
    List<String> cidrs =
        net == null
            ? List.of()
            : net.value().subnets().stream().map(s -> s.cidr()).filter(c -> !c.isEmpty()).toList();
    if (net != null) {
      evidence.add(new Evidence(net.origin(), net.value().line()));
    }
    Traced traced = trace(hostKey, i.portId(), alias, mac);
    List<MacSighting> macs =
        MacSources.of(
            ctl,
            source,
            i.mac(),
            new Evidence(origin, i.line()),
            vmId,
            i.portId(),
            traced.idPart());
    return new VmPort(
        i.portId(),
        alias,
        traced.idPart(),
        mac.map(MacAddress::value).orElse(""),
        ips,
        netId,
        netName,
        cidrs,
        status,
        traced.hops(),
        macs,
        evidence);
  }

  /** The libvirt domain name ({@code instance-00000001}) of the VM, "" when no domain has it. */
  private String libvirtName(String vmId) {
    return ctl.domains.stream()
        .filter(d -> d.value().uuid().equalsIgnoreCase(vmId))
        .map(d -> d.value().name())
        .findFirst()
        .orElse("");
  }

  /**
   * Ports from the VM's libvirt domain when no controller table lists them: by domain UUID (the
   * nova id), or, when the dump holds one VM and one domain fragment without UUID, that domain.
   */
  private List<VmPort> libvirtPorts(
      String vmId, io.vmflow.parse.ServerList.Server server, String hostKey) {
    List<ControllerFacts.At<io.vmflow.parse.LibvirtDomain>> mine =
        ctl.domains.stream().filter(d -> d.value().uuid().equalsIgnoreCase(vmId)).toList();
    if (mine.isEmpty()
        && ctl.domains.size() == 1
        && vmIds().size() == 1
        && ctl.domains.get(0).value().uuid().isEmpty()) {
      mine = ctl.domains;
      findings.add(
          Finding.coverage(
              Severity.INFO,
              "LIBVIRT_LINK_ASSUMED",
              "the dump's one libvirt interface list has no domain UUID; taken as VM "
                  + vmId
                  + "'s, the dump's one VM",
              ctl.domains.get(0).origin()));
    }
    List<VmPort> out = new ArrayList<>();
    for (var d : mine) {
      for (io.vmflow.parse.LibvirtDomain.DomainInterface i : d.value().interfaces()) {
        String idPart =
            DeviceNames.idPartOf(i.targetDev())
                .orElse(i.interfaceId().isEmpty() ? "" : DeviceNames.idPart(i.interfaceId()));
        String host = hostKey.isEmpty() ? d.host() : hostKey;
        HostFacts h = hostFacts.get(host);
        List<Hop> hops =
            h != null && !idPart.isEmpty() && PathTracer.seesAny(h, idPart)
                ? PathTracer.trace(h, idPart, i.mac())
                : List.of();
        List<String> ips =
            server == null || d.value().interfaces().size() != 1 ? List.of() : server.ips();
        Evidence at = new Evidence(d.origin(), i.line());
        List<MacSighting> macs =
            i.mac().map(m -> List.of(new MacSighting("libvirt", m.value(), at))).orElse(List.of());
        out.add(
            new VmPort(
                i.interfaceId(),
                "",
                idPart,
                i.mac().map(MacAddress::value).orElse(""),
                ips,
                "",
                "",
                List.of(),
                "",
                hops,
                macs,
                List.of(at)));
      }
    }
    return out;
  }

  private record Traced(String idPart, List<Hop> hops) {}

  /** Tries the alias id (FusionSphere) then the port id, on the VM's host first, then any host. */
  private Traced trace(String hostKey, String portId, String alias, Optional<MacAddress> mac) {
    List<String> candidates = new ArrayList<>();
    if (!alias.isEmpty()) {
      candidates.add(DeviceNames.idPart(alias));
    }
    candidates.add(DeviceNames.idPart(portId));
    List<HostFacts> order = new ArrayList<>();
    Optional.ofNullable(hostFacts.get(hostKey)).ifPresent(order::add);
    hostFacts.values().stream().filter(h -> !h.key.equals(hostKey)).forEach(order::add);
    for (HostFacts h : order) {
      for (String c : candidates) {
        if (PathTracer.seesAny(h, c)) {
          return new Traced(c, PathTracer.trace(h, c, mac));
        }
      }
    }
    return new Traced(candidates.get(0), List.of());
  }

  /**
   * The host key the VM runs on: nova's hypervisor_hostname or host matched to a host of the dump.
   */
  private String hostOf(String vmId, ServerShow show) {
    if (show == null) {
      return "";
    }
    for (String name : List.of(show.hypervisorHostname(), show.host())) {
      if (unknownHost(name)) {
        continue;
      }
      for (String key : hostFacts.keySet()) {
        String hostname = ctl.hostnames.getOrDefault(key, "");
        var cps = cpsHost(key);
        if (key.equalsIgnoreCase(name)
            || hostname.equalsIgnoreCase(name)
            || shortName(hostname).equalsIgnoreCase(shortName(name))
            || cps.map(c -> c.hostname().equalsIgnoreCase(name) || c.id().equalsIgnoreCase(name))
                .orElse(false)) {
          return key;
        }
      }
      var cps = ctl.cpsHosts.get(OpenstackId.key(name));
      if (cps != null) {
        return cps.value().id();
      }
    }
    return !unknownHost(show.hypervisorHostname())
        ? show.hypervisorHostname()
        : unknownHost(show.host()) ? "" : show.host();
  }

  /**
   * True for a host name that names no host: empty, or nova's printed null ({@code None}, {@code
   * null}, {@code -}) for a VM not scheduled or a field an admin-only API hid.
   */
  static boolean unknownHost(String name) {
    if (name == null) {
      return true;
    }
    String n = name.strip();
    return n.isEmpty()
        || n.equalsIgnoreCase("None")
        || n.equalsIgnoreCase("null")
        || n.equals("-")
        || n.equals("\u2014");
  }

  private Optional<HostList.CpsHost> cpsHost(String key) {
    var byId = ctl.cpsHosts.get(OpenstackId.key(key));
    if (byId != null) {
      return Optional.of(byId.value());
    }
    return ctl.cpsHosts.values().stream()
        .map(ControllerFacts.At::value)
        .filter(c -> c.hostname().equalsIgnoreCase(key))
        .findFirst();
  }

  private static String shortName(String fqdn) {
    int dot = fqdn.indexOf('.');
    return dot > 0 ? fqdn.substring(0, dot) : fqdn;
  }

  static Finding coverage(Severity s, String code, String message, String origin) {
    return Finding.coverage(s, code, message, origin);
  }

  static RouterList.Router router(ControllerFacts.At<RouterList.Router> r) {
    return r.value();
  }
}
