package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.IpLink;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MTUs along a VM's path on each host ({@code ip -d link}): the devices every frame crosses (tap,
 * the veth ends, physical NICs; a Linux bridge takes its smallest member's MTU, so it is not
 * compared) should take the same frame size. A device smaller than the others drops the larger
 * frames the rest of the path carries: {@code MTU_MISMATCH} names it, its MTU and the larger one.
 */
final class MtuCauses {

  static final String MTU_MISMATCH = "MTU_MISMATCH";

  private MtuCauses() {}

  /**
   * A finding with the devices it is about, so a loss on them can cite it; {@code fits} is the
   * largest IP packet that still passes: a loss of smaller packets is not this MTU's doing.
   */
  record Found(Finding finding, String host, List<String> devices, int fits) {}

  static List<Found> of(Vm vm, VmPort port, Map<String, HostEvidence> hosts) {
    List<Found> out = new ArrayList<>();
    Map<String, List<Hop>> byHost = new java.util.LinkedHashMap<>();
    port.hops().forEach(h -> byHost.computeIfAbsent(h.host(), k -> new ArrayList<>()).add(h));
    byHost.forEach(
        (host, hops) -> {
          HostEvidence h = hosts.get(host.toLowerCase(java.util.Locale.ROOT));
          if (h != null) {
            compare(vm, host, hops, h).ifPresent(out::add);
          }
        });
    return out;
  }

  private static Optional<Found> compare(Vm vm, String host, List<Hop> hops, HostEvidence h) {
    Hop small = null;
    Hop large = null;
    for (Hop hop : hops) {
      if (!carries(hop) || h.link(hop.device()).isEmpty()) {
        continue;
      }
      int mtu = mtu(h, hop);
      if (small == null || mtu < mtu(h, small)) {
        small = hop;
      }
      if (large == null || mtu > mtu(h, large)) {
        large = hop;
      }
    }
    if (small == null || mtu(h, small) >= mtu(h, large)) {
      return Optional.empty();
    }
    HostEvidence.Located<IpLink.LinkDevice> s = h.link(small.device()).orElseThrow();
    HostEvidence.Located<IpLink.LinkDevice> l = h.link(large.device()).orElseThrow();
    List<String> devices = new ArrayList<>(List.of(small.device()));
    if (!small.bridge().isEmpty()) {
      devices.add(small.bridge());
    }
    Finding f =
        (Finding.network(
                Severity.WARNING,
                MTU_MISMATCH,
                small.device()
                    + " has MTU "
                    + s.value().mtu()
                    + " while "
                    + large.device()
                    + " on the same path has "
                    + l.value().mtu()
                    + " ("
                    + host
                    + "): frames larger than "
                    + s.value().mtu()
                    + " bytes are dropped there",
                s.origin(),
                s.value().line()))
            .about(vm.id(), "", host)
            .withHint(
                "set " + small.device() + "'s MTU to the network's (ip link set ... mtu)",
                List.of(
                    new Evidence(s.origin(), s.value().line()),
                    new Evidence(l.origin(), l.value().line())));
    return Optional.of(new Found(f, host, devices, s.value().mtu()));
  }

  private static int mtu(HostEvidence h, Hop hop) {
    return h.link(hop.device()).map(l -> l.value().mtu()).orElse(0);
  }

  static boolean carries(Hop h) {
    return switch (h.kind()) {
      case TAP, VETH_BRIDGE_SIDE, VETH_OVS_SIDE, PHYSICAL_NIC -> true;
      default -> false;
    };
  }
}
