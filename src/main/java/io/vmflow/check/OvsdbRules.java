package io.vmflow.check;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;

/**
 * OVSDB interface errors ("could not open network device qvo... (No such device)": a stale port
 * whose device is gone) and ports OVS could not attach ({@code ofport -1}).
 */
final class OvsdbRules implements Rule {

  static final String OVS_INTERFACE_ERROR = "OVS_INTERFACE_ERROR";
  static final String OFPORT_INVALID = "OFPORT_INVALID";
  static final String TUNNEL_REMOTE_UNKNOWN = "TUNNEL_REMOTE_UNKNOWN";

  @Override
  public List<Finding> check(Topology t) {
    List<Finding> out = new ArrayList<>();
    for (Host host : t.hosts()) {
      for (Bridge b : host.bridges()) {
        for (BridgePort p : b.ports()) {
          String vm = owner(t, host, p.name());
          if (!p.error().isEmpty()) {
            out.add(
                Flags.flag(
                    vm.isEmpty() ? Severity.WARNING : Severity.ERROR,
                    OVS_INTERFACE_ERROR,
                    "OVSDB reports an error on " + p.name() + " (" + b.name() + "): " + p.error(),
                    vm,
                    host.key(),
                    "a stale port whose device is gone: delete it with `ovs-vsctl del-port "
                        + b.name()
                        + " "
                        + p.name()
                        + "` or replug the VM",
                    p.evidence()));
          }
          if (!p.remoteIp().isEmpty()
              && knowsAddresses(t)
              && t.hosts().stream().noneMatch(x -> x.ips().contains(p.remoteIp()))) {
            out.add(
                Flags.flag(
                    Severity.WARNING,
                    TUNNEL_REMOTE_UNKNOWN,
                    p.name()
                        + " on "
                        + host.name()
                        + " tunnels to "
                        + p.remoteIp()
                        + ", which no host of the dump owns",
                    "",
                    host.key(),
                    "a decommissioned or renumbered peer leaves a stale tunnel: compare with `openstack network agent list`",
                    p.evidence()));
          }
          if (p.ofport().equals("-1")) {
            out.add(
                Flags.flag(
                    Severity.ERROR,
                    OFPORT_INVALID,
                    p.name() + " on " + b.name() + " has OpenFlow port -1: OVS could not attach it",
                    vm,
                    host.key(),
                    "check `ovs-vsctl list interface " + p.name() + "` for the error",
                    p.evidence()));
          }
        }
      }
    }
    return out;
  }

  // only a dump of several hosts with their addresses can tell an unknown remote from an unseen one
  private static boolean knowsAddresses(Topology t) {
    return t.hosts().stream().filter(h -> !h.ips().isEmpty()).count() >= 2;
  }

  private static String owner(Topology t, Host host, String device) {
    for (Vm vm : t.vms()) {
      for (VmPort port : vm.ports()) {
        if (port.hops().stream()
                .anyMatch(h -> h.host().equals(host.key()) && h.device().equals(device))
            || !port.deviceId().isEmpty() && device.endsWith(port.deviceId())) {
          return vm.id();
        }
      }
    }
    return "";
  }
}
