package io.vmflow.topology;

import io.vmflow.finding.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Everything correlated from one dump: hosts (hypervisors only), VMs with their paths, coverage
 * findings (data a path needed but the dump does not hold), the controllers whose tables were read,
 * the hosts' namespaces, each VM port's routed path and the other L3 facts (networks' MTU, DHCP
 * host files, floating IPs).
 */
public record Topology(
    List<Host> hosts,
    List<Vm> vms,
    List<Finding> findings,
    List<ControllerData> controllers,
    List<Namespace> namespaces,
    List<L3Path> l3Paths,
    L3Facts l3) {

  public Topology {
    hosts = List.copyOf(hosts);
    vms = List.copyOf(vms);
    findings = List.copyOf(findings);
    controllers = controllers == null ? List.of() : List.copyOf(controllers);
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    l3Paths = l3Paths == null ? List.of() : List.copyOf(l3Paths);
    l3 = l3 == null ? L3Facts.EMPTY : l3;
  }

  /** Hypervisors, VMs, findings, controllers, namespaces and routed paths, no other L3 facts. */
  public Topology(
      List<Host> hosts,
      List<Vm> vms,
      List<Finding> findings,
      List<ControllerData> controllers,
      List<Namespace> namespaces,
      List<L3Path> l3Paths) {
    this(hosts, vms, findings, controllers, namespaces, l3Paths, L3Facts.EMPTY);
  }

  /** Hypervisors, VMs, findings and controllers, with no namespace data. */
  public Topology(
      List<Host> hosts, List<Vm> vms, List<Finding> findings, List<ControllerData> controllers) {
    this(hosts, vms, findings, controllers, List.of(), List.of(), L3Facts.EMPTY);
  }

  /** The routed paths of VM {@code id}'s ports. */
  public List<L3Path> l3PathsOf(String id) {
    return l3Paths.stream().filter(p -> p.vmId().equalsIgnoreCase(id)).toList();
  }

  /** Hypervisors, VMs and findings, with no controller data. */
  public Topology(List<Host> hosts, List<Vm> vms, List<Finding> findings) {
    this(hosts, vms, findings, List.of(), List.of(), List.of(), L3Facts.EMPTY);
  }

  public Optional<Vm> vm(String id) {
    return vms.stream().filter(v -> v.id().equalsIgnoreCase(id)).findFirst();
  }

  public Optional<Host> host(String key) {
    return hosts.stream().filter(h -> h.key().equalsIgnoreCase(key)).findFirst();
  }
}
