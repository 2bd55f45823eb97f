package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.model.DeviceNames;
import io.vmflow.model.MacAddress;
import io.vmflow.model.OpenstackId;
import io.vmflow.parse.LibvirtDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects a port's MAC from every source that names the port: nova's interface list, neutron's
 * port show and port list, and the libvirt interface whose target device or {@code interfaceid} is
 * the port's. One entry per source and MAC, so a disagreement shows both sides with evidence.
 */
final class MacSources {

  private final ControllerFacts ctl;
  private final List<MacSighting> out = new ArrayList<>();

  private MacSources(ControllerFacts ctl) {
    this.ctl = ctl;
  }

  static List<MacSighting> of(
      ControllerFacts ctl,
      String source,
      Optional<MacAddress> listed,
      Evidence listedAt,
      String vmId,
      String portId,
      String idPart) {
    MacSources s = new MacSources(ctl);
    listed.ifPresent(m -> s.add(source, m, listedAt));
    var detail = ctl.ports.get(OpenstackId.key(portId));
    if (detail != null) {
      detail
          .value()
          .mac()
          .ifPresent(
              m -> s.add("neutron", m, new Evidence(detail.origin(), detail.value().line())));
    }
    var row = ctl.portRows.get(OpenstackId.key(portId));
    if (row != null) {
      row.value()
          .mac()
          .ifPresent(m -> s.add("neutron", m, new Evidence(row.origin(), row.value().line())));
    }
    for (var d : domainsOf(ctl, vmId)) {
      for (LibvirtDomain.DomainInterface i : d.value().interfaces()) {
        boolean mine =
            DeviceNames.idPartOf(i.targetDev()).map(idPart::equals).orElse(false)
                || !i.interfaceId().isEmpty() && i.interfaceId().equalsIgnoreCase(portId);
        if (mine) {
          i.mac().ifPresent(m -> s.add("libvirt", m, new Evidence(d.origin(), i.line())));
        }
      }
    }
    return List.copyOf(s.out);
  }

  /**
   * The VM's libvirt domains: by domain UUID (the nova id); a lone fragment without UUID counts
   * only when the dump holds one domain and one VM (TopologyBuilder says so with a finding).
   */
  static List<ControllerFacts.At<LibvirtDomain>> domainsOf(ControllerFacts ctl, String vmId) {
    List<ControllerFacts.At<LibvirtDomain>> mine =
        ctl.domains.stream().filter(d -> d.value().uuid().equalsIgnoreCase(vmId)).toList();
    boolean oneVm =
        ctl.servers.size()
                + ctl.serverShows.keySet().stream().filter(k -> !ctl.servers.containsKey(k)).count()
            <= 1;
    if (mine.isEmpty()
        && ctl.domains.size() == 1
        && ctl.domains.get(0).value().uuid().isEmpty()
        && oneVm) {
      return ctl.domains;
    }
    return mine;
  }

  private void add(String source, MacAddress mac, Evidence at) {
    if (out.stream().noneMatch(m -> m.source().equals(source) && m.mac().equals(mac.value()))) {
      out.add(new MacSighting(source, mac.value(), at));
    }
  }
}
