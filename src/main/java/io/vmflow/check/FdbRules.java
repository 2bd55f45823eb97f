package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.DeviceNames;
import io.vmflow.topology.FdbSighting;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The integration bridge's FDB must learn the VM's MAC on the VM's own OpenFlow port and local
 * VLAN; anywhere else, frames for the VM go to the wrong port (a stale entry, a loop, a MAC clash).
 */
final class FdbRules implements Rule {

  static final String FDB_WRONG_PORT = "FDB_WRONG_PORT";
  static final String FDB_WRONG_VLAN = "FDB_WRONG_VLAN";
  // ports a VM's own chain plugs into br-int (or that are the VM's tap on it)
  private static final Set<String> VM_FACING = Set.of("qvo", "pvo", "tap", "qvm");

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        Optional<Hop> own = Flags.integrationPort(port);
        Optional<Hop> br = Flags.integrationBridge(port);
        Optional<Host> host = br.flatMap(b -> t.host(b.host()));
        if (own.isEmpty()
            || br.isEmpty()
            || host.isEmpty()
            || port.mac().isEmpty()
            || own.get().ofport().isEmpty()) {
          continue;
        }
        elsewhere(t, vm, port, br.get(), out);
        for (FdbSighting f : host.get().fdb()) {
          if (!sights(f, port.mac(), br.get().device())) {
            continue;
          }
          if (!f.port().equals(own.get().ofport())) {
            out.add(
                Flags.flag(
                    Severity.ERROR,
                    FDB_WRONG_PORT,
                    br.get().device()
                        + " learned "
                        + port.mac()
                        + " ("
                        + Flags.name(vm)
                        + ") on port "
                        + f.port()
                        + " VLAN "
                        + f.vlan()
                        + ", but the VM's port "
                        + own.get().device()
                        + " is OpenFlow port "
                        + own.get().ofport(),
                    vm.id(),
                    host.get().key(),
                    "frames for the VM leave through port "
                        + f.port()
                        + ": look for a duplicate MAC or a loop; `ovs-appctl fdb/flush "
                        + br.get().device()
                        + "`",
                    List.of(f.evidence())));
          } else if (own.get().vlan() >= 0 && f.vlan() != own.get().vlan()) {
            out.add(
                Flags.flag(
                    Severity.ERROR,
                    FDB_WRONG_VLAN,
                    br.get().device()
                        + " learned "
                        + port.mac()
                        + " on its port "
                        + f.port()
                        + " in VLAN "
                        + f.vlan()
                        + ", but the port's tag is "
                        + own.get().vlan(),
                    vm.id(),
                    host.get().key(),
                    "the port was re-tagged after learning, or traffic arrives tagged from elsewhere",
                    List.of(f.evidence())));
          }
        }
      }
    }
    return out;
  }

  /**
   * On the other hosts of the dump, the VM's MAC belongs behind the tunnel or provider side of the
   * integration bridge; learned (or pinned) on a VM-facing port there, frames for the VM reach
   * another VM instead.
   */
  private static void elsewhere(Topology t, Vm vm, VmPort port, Hop br, List<Finding> out) {
    for (Host other : t.hosts()) {
      if (other.key().equals(br.host())) {
        continue;
      }
      Optional<io.vmflow.topology.Bridge> bridge = other.bridge(br.device());
      if (bridge.isEmpty()) {
        continue;
      }
      for (FdbSighting f : other.fdb()) {
        if (!sights(f, port.mac(), br.device())) {
          continue;
        }
        Optional<io.vmflow.topology.BridgePort> on =
            bridge.get().ports().stream().filter(p -> p.ofport().equals(f.port())).findFirst();
        if (on.isPresent() && isVmFacing(on.get().name())) {
          out.add(
              Flags.flag(
                  Severity.ERROR,
                  FDB_WRONG_PORT,
                  br.device()
                      + " on "
                      + other.key()
                      + " sends "
                      + port.mac()
                      + " ("
                      + Flags.name(vm)
                      + ", on "
                      + br.host()
                      + ") to port "
                      + f.port()
                      + " ("
                      + on.get().name()
                      + ", a VM's port) in VLAN "
                      + f.vlan()
                      + ": frames for the VM never reach the tunnel",
                  vm.id(),
                  other.key(),
                  "a static or stale entry: `ovs-appctl fdb/show "
                      + br.device()
                      + "` on "
                      + other.key()
                      + ", then `ovs-appctl fdb/flush "
                      + br.device()
                      + "`",
                  List.of(f.evidence())));
        }
      }
    }
  }

  /** An entry for {@code mac} on {@code bridge} (or on an unnamed bridge: a cut output). */
  private static boolean sights(FdbSighting f, String mac, String bridge) {
    return f.mac().equalsIgnoreCase(mac) && (f.bridge().equals(bridge) || f.bridge().isEmpty());
  }

  private static boolean isVmFacing(String port) {
    return DeviceNames.prefix(port).filter(VM_FACING::contains).isPresent();
  }
}
