package io.vmflow.topology;

import io.vmflow.finding.Finding;
import java.util.List;
import java.util.Optional;

/**
 * Everything correlated from one dump: hosts, VMs with their paths, and coverage findings (data a
 * path needed but the dump does not hold).
 */
public record Topology(List<Host> hosts, List<Vm> vms, List<Finding> findings) {

  public Topology {
    hosts = List.copyOf(hosts);
    vms = List.copyOf(vms);
    findings = List.copyOf(findings);
  }

  public Optional<Vm> vm(String id) {
    return vms.stream().filter(v -> v.id().equalsIgnoreCase(id)).findFirst();
  }

  public Optional<Host> host(String key) {
    return hosts.stream().filter(h -> h.key().equalsIgnoreCase(key)).findFirst();
  }
}
