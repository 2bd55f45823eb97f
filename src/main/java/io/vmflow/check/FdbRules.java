package io.vmflow.check;

import io.vmflow.finding.Severity;
import io.vmflow.topology.FdbSighting;
import io.vmflow.topology.Hop;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The integration bridge's FDB must learn the VM's MAC on the VM's own OpenFlow port and local
 * VLAN; anywhere else, frames for the VM go to the wrong port (a stale entry, a loop, a MAC clash).
 */
final class FdbRules implements Rule {

  static final String FDB_WRONG_PORT = "FDB_WRONG_PORT";
  static final String FDB_WRONG_VLAN = "FDB_WRONG_VLAN";

  @Override
  public List<VmFinding> check(Topology t) {
    List<VmFinding> out = new ArrayList<>();
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        Optional<Hop> own = Flags.integrationPort(port);
        Optional<Hop> br = Flags.integrationBridge(port);
        Optional<Host> host = br.flatMap(b -> t.host(b.host()));
        if (own.isEmpty() || br.isEmpty() || host.isEmpty() || port.mac().isEmpty() || own.get().ofport().isEmpty()) {
          continue;
        }
        for (FdbSighting f : host.get().fdb()) {
          if (!f.mac().equalsIgnoreCase(port.mac()) || !(f.bridge().equals(br.get().device()) || f.bridge().isEmpty())) {
            continue;
          }
          if (!f.port().equals(own.get().ofport())) {
            out.add(Flags.flag(Severity.ERROR, FDB_WRONG_PORT,
                br.get().device() + " learned " + port.mac() + " (" + Flags.name(vm) + ") on port " + f.port() + " VLAN " + f.vlan()
                    + ", but the VM's port " + own.get().device() + " is OpenFlow port " + own.get().ofport(),
                vm.id(), host.get().key(), "frames for the VM leave through port " + f.port() + ": look for a duplicate MAC or a loop; `ovs-appctl fdb/flush " + br.get().device() + "`",
                List.of(f.evidence())));
          } else if (own.get().vlan() >= 0 && f.vlan() != own.get().vlan()) {
            out.add(Flags.flag(Severity.ERROR, FDB_WRONG_VLAN,
                br.get().device() + " learned " + port.mac() + " on its port " + f.port() + " in VLAN " + f.vlan() + ", but the port's tag is " + own.get().vlan(),
                vm.id(), host.get().key(), "the port was re-tagged after learning, or traffic arrives tagged from elsewhere", List.of(f.evidence())));
          }
        }
      }
    }
    return out;
  }
}
