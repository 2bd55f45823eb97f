package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rules along one VM port's path: a device the rule expects is missing, the qbr lacks its tap or
 * holds foreign members, a port is down, the br-int port has no VLAN tag or the dead VLAN 4095.
 */
final class PathRules implements Rule {

  static final String DEVICE_MISSING = "DEVICE_MISSING";
  static final String QBR_TAP_MISSING = "QBR_TAP_MISSING";
  static final String QBR_FOREIGN_MEMBER = "QBR_FOREIGN_MEMBER";
  static final String PORT_DOWN = "PORT_DOWN";
  static final String VLAN_TAG_MISSING = "VLAN_TAG_MISSING";
  static final String VLAN_DEAD = "VLAN_DEAD";
  static final String NEUTRON_PORT_DOWN = "NEUTRON_PORT_DOWN";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        missing(vm, port, t, out);
        qbr(vm, port, t, out);
        down(vm, port, t, out);
        tag(vm, port, t, out);
        if (port.status().equalsIgnoreCase("DOWN")) {
          out.add(
              Flags.flag(
                  Severity.ERROR,
                  NEUTRON_PORT_DOWN,
                  "neutron reports port " + port.portId() + " of " + Flags.name(vm) + " DOWN",
                  vm.id(),
                  vm.hostKey(),
                  "check the agent on the VM's host and the port's binding",
                  port.evidence()));
        }
      }
    }
    return out;
  }

  private static void missing(Vm vm, VmPort port, Topology t, List<Finding> out) {
    for (Hop h : port.hops()) {
      if (!h.present() && h.kind() != HopKind.TAP) {
        out.add(
            Flags.flag(
                Severity.ERROR,
                DEVICE_MISSING,
                h.device()
                    + " ("
                    + h.kind()
                    + ") expected on the path of "
                    + Flags.name(vm)
                    + " but no output on "
                    + h.host()
                    + " shows it",
                vm.id(),
                h.host(),
                "look for the device with `ip link show "
                    + h.device()
                    + "`; nova/os-vif may have failed to plug the port",
                port.hops().get(0).evidence()));
      }
    }
  }

  private static void qbr(Vm vm, VmPort port, Topology t, List<Finding> out) {
    // the per-port qbr only: the Linux bridge agent's brq is the network's, shared by its ports
    Optional<Hop> qbr =
        port.hops().stream()
            .filter(
                h ->
                    h.kind() == HopKind.LINUX_BRIDGE && h.present() && h.device().startsWith("qbr"))
            .findFirst();
    if (qbr.isEmpty()) {
      return;
    }
    Optional<Bridge> b = t.host(qbr.get().host()).flatMap(h -> h.bridge(qbr.get().device()));
    if (b.isEmpty()) {
      return;
    }
    String id = port.deviceId();
    if (b.get().port("tap" + id).isEmpty()) {
      out.add(
          Flags.flag(
              Severity.ERROR,
              QBR_TAP_MISSING,
              qbr.get().device()
                  + " has no member tap"
                  + id
                  + ": the VM's NIC is not plugged into its bridge",
              vm.id(),
              qbr.get().host(),
              "check `virsh domiflist` and whether the VM is running on this host",
              qbr.get().evidence()));
    }
    Set<String> own = Set.of("tap" + id, "qvb" + id, "qvm" + id);
    for (BridgePort p : b.get().ports()) {
      if (!own.contains(p.name())) {
        out.add(
            Flags.flag(
                Severity.WARNING,
                QBR_FOREIGN_MEMBER,
                qbr.get().device()
                    + " holds "
                    + p.name()
                    + ", which belongs to no port of "
                    + Flags.name(vm),
                vm.id(),
                qbr.get().host(),
                "a stale device from another port may bridge two VMs together",
                p.evidence()));
      }
    }
  }

  private static void down(Vm vm, VmPort port, Topology t, List<Finding> out) {
    for (Hop h : port.hops()) {
      Optional<io.vmflow.topology.Link> link =
          t.host(h.host()).flatMap(host -> host.link(h.device()));
      // An OVS bridge's own netdev is its LOCAL internal port: neutron leaves br-int/br-tun DOWN
      // on healthy hosts, and VM traffic never crosses it, so its state says nothing about the
      // path.
      if (link.isPresent() && !link.get().up() && !h.kind().isOvsBridge()) {
        out.add(
            Flags.flag(
                Severity.ERROR,
                PORT_DOWN,
                h.device()
                    + " is "
                    + (link.get().state().isEmpty() ? "not UP" : link.get().state())
                    + " (ip link) on "
                    + h.host()
                    + ", on the path of "
                    + Flags.name(vm),
                vm.id(),
                h.host(),
                "`ip link set " + h.device() + " up`, or find why its peer or the VM is gone",
                List.of(link.get().evidence())));
        continue;
      }
      Optional<BridgePort> p =
          t.host(h.host())
              .flatMap(host -> host.bridge(h.bridge()))
              .flatMap(b -> b.port(h.device()));
      if (p.isPresent() && p.get().down()) {
        out.add(
            Flags.flag(
                Severity.ERROR,
                PORT_DOWN,
                h.device()
                    + " on "
                    + h.bridge()
                    + " is down (PORT_DOWN/LINK_DOWN) on the path of "
                    + Flags.name(vm),
                vm.id(),
                h.host(),
                "bring it up or find why its peer device is gone",
                p.get().evidence()));
      }
    }
  }

  /**
   * OVN's integration bridge keys networks by OpenFlow metadata, not local VLAN tags: its ports
   * carry none. It shows by what the OVS agent never does: geneve/vxlan ports on br-int itself, or
   * ovn-controller's {@code patch-br-int-to-*} provider patches.
   */
  private static boolean isOvnIntegration(Topology t, Hop hop) {
    return t.host(hop.host())
        .flatMap(h -> h.bridge(hop.bridge()))
        .map(
            b ->
                b.ports().stream()
                    .anyMatch(
                        p -> !p.remoteIp().isEmpty() || p.name().startsWith("patch-br-int-to-")))
        .orElse(false);
  }

  private static void tag(Vm vm, VmPort port, Topology t, List<Finding> out) {
    Optional<Hop> p = Flags.integrationPort(port);
    if (p.isEmpty() || !p.get().present()) {
      return;
    }
    Hop hop = p.get();
    Optional<BridgePort> bp =
        t.host(hop.host()).flatMap(h -> h.bridge(hop.bridge())).flatMap(b -> b.port(hop.device()));
    if (bp.isEmpty() || !bp.get().inOvsdb() || isOvnIntegration(t, hop)) {
      return;
    }
    if (hop.vlan() == 4095) {
      out.add(
          Flags.flag(
              Severity.ERROR,
              VLAN_DEAD,
              hop.device()
                  + " on "
                  + hop.bridge()
                  + " has the dead VLAN tag 4095: the agent could not bind the port",
              vm.id(),
              hop.host(),
              "check the neutron OVS agent log for the port and its binding",
              hop.evidence()));
    } else if (hop.vlan() < 0) {
      out.add(
          Flags.flag(
              Severity.ERROR,
              VLAN_TAG_MISSING,
              hop.device()
                  + " on "
                  + hop.bridge()
                  + " has no VLAN tag: its traffic is not in the network's local VLAN",
              vm.id(),
              hop.host(),
              "check that the OVS agent processed the port (`ovs-vsctl list port "
                  + hop.device()
                  + "`)",
              hop.evidence()));
    }
  }
}
