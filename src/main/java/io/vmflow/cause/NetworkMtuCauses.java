package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.IpLink;
import io.vmflow.topology.Hop;
import io.vmflow.topology.L3Facts;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The network's MTU ({@code net-show}'s {@code mtu}, which neutron hands the guest by DHCP) against
 * what the VM's path carries: the smallest MTU of the devices every frame crosses ({@link
 * MtuCauses#carries}). A guest that sends frames of the network's MTU loses those larger than that
 * device's. {@code MTU_NETWORK_LARGER} names the network, the device and both sizes. Only asked
 * when the path's own devices agree ({@code MTU_MISMATCH} already names the smaller one otherwise),
 * so one cause is said once.
 */
final class NetworkMtuCauses {

  static final String MTU_NETWORK_LARGER = "MTU_NETWORK_LARGER";

  private NetworkMtuCauses() {}

  static Optional<MtuCauses.Found> of(
      Topology t, Vm vm, VmPort port, Map<String, HostEvidence> hosts) {
    Optional<L3Facts.Network> net =
        port.networkId().isEmpty() ? Optional.empty() : t.l3().network(port.networkId());
    if (net.isEmpty() || net.get().mtu() <= 0) {
      return Optional.empty();
    }
    Hop small = null;
    HostEvidence.Located<IpLink.LinkDevice> link = null;
    for (Hop hop : port.hops()) {
      HostEvidence h = hosts.get(Causes.lower(hop.host()));
      if (h == null || !MtuCauses.carries(hop)) {
        continue;
      }
      var l = h.link(hop.device());
      if (l.isPresent()
          && l.get().value().mtu() > 0
          && (link == null || l.get().value().mtu() < link.value().mtu())) {
        small = hop;
        link = l.get();
      }
    }
    int mtu = net.get().mtu();
    if (link == null || link.value().mtu() >= mtu) {
      return Optional.empty();
    }
    Evidence device = new Evidence(link.origin(), link.value().line());
    Finding f =
        Finding.network(
                Severity.WARNING,
                MTU_NETWORK_LARGER,
                String.format(
                    "network %s has MTU %d (%s), but %s on the VM's path has MTU %d (%s): the"
                        + " guest is told %d and its frames larger than %d bytes are dropped there",
                    net.get().name().isEmpty() ? net.get().id() : net.get().name(),
                    mtu,
                    net.get().evidence().origin(),
                    small.device(),
                    link.value().mtu(),
                    small.host(),
                    mtu,
                    link.value().mtu()),
                link.origin(),
                link.value().line())
            .about(vm.id(), port.portId(), small.host())
            .withHint(
                "set " + small.device() + "'s MTU to the network's, or the network's to the path's",
                List.of(device, net.get().evidence()));
    List<String> devices = new ArrayList<>(List.of(small.device()));
    if (!small.bridge().isEmpty()) {
      devices.add(small.bridge());
    }
    return Optional.of(new MtuCauses.Found(f, small.host(), devices, link.value().mtu()));
  }
}
