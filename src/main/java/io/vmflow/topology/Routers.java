package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.model.OpenstackId;
import io.vmflow.parse.PortList;
import io.vmflow.parse.PortShow;
import io.vmflow.parse.RouterList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which routers serve a VM's networks. Evidence is a router interface port ({@code device_owner
 * network:router_interface*}) on one of its networks; when the dump has exactly one router and no
 * router port at all (a field note looks the router up by name), that router is attached and a
 * coverage finding says the link is assumed.
 */
final class Routers {

  static final String ROUTER_LINK_ASSUMED = "ROUTER_LINK_ASSUMED";

  private Routers() {}

  static List<Vm.RouterInfo> of(ControllerFacts ctl, List<VmPort> ports, List<Finding> findings) {
    Set<String> nets =
        ports.stream().map(p -> OpenstackId.key(p.networkId())).collect(Collectors.toSet());
    List<Vm.RouterInfo> out = new ArrayList<>();
    boolean anyRouterPort = false;
    for (var p : ctl.ports.values()) {
      PortShow port = p.value();
      if (port.deviceOwner().startsWith("network:router_interface")
          || port.deviceOwner().equals("network:ha_router_replicated_interface")) {
        anyRouterPort = true;
        if (nets.contains(OpenstackId.key(port.networkId()))) {
          add(ctl, port.deviceId(), new Evidence(p.origin(), port.line()), out);
        }
      }
    }
    for (var r : ctl.portRows.values()) {
      PortList.PortRow row = r.value();
      String owner =
          row.extra().getOrDefault("device_owner", row.extra().getOrDefault("Device Owner", ""));
      if (owner.startsWith("network:router_interface")) {
        anyRouterPort = true;
      }
    }
    if (out.isEmpty() && !anyRouterPort && ctl.routers.size() == 1 && !ports.isEmpty()) {
      var only = ctl.routers.values().iterator().next();
      out.add(info(only.value(), new Evidence(only.origin(), only.value().line())));
      findings.add(
          Finding.coverage(
              Severity.INFO,
              ROUTER_LINK_ASSUMED,
              "router "
                  + only.value().name()
                  + " is the only router in the dump and no router port links it to network "
                  + ports.get(0).networkId()
                  + "; shown as the VM's router without proof",
              only.origin()));
    }
    return out;
  }

  private static void add(
      ControllerFacts ctl, String routerId, Evidence portEvidence, List<Vm.RouterInfo> out) {
    var r = ctl.routers.get(OpenstackId.key(routerId));
    if (r == null || out.stream().anyMatch(x -> x.id().equalsIgnoreCase(routerId))) {
      return;
    }
    Vm.RouterInfo info = info(r.value(), new Evidence(r.origin(), r.value().line()));
    List<Evidence> ev = new ArrayList<>(info.evidence());
    ev.add(portEvidence);
    out.add(
        new Vm.RouterInfo(
            info.id(),
            info.name(),
            info.distributed(),
            info.ha(),
            ev,
            info.externalNetworkId(),
            info.externalIps(),
            info.snat()));
  }

  // {"network_id": "85fa82f5-...", "enable_snat": false, "external_fixed_ips": [{"subnet_id":
  // "41acc3d6-...", "ip_address": "::7f00:0:4"}, ...]}
  private static final java.util.regex.Pattern NETWORK =
      java.util.regex.Pattern.compile("\"network_id\":\\s*\"([^\"]+)\"");
  private static final java.util.regex.Pattern SNAT =
      java.util.regex.Pattern.compile(
          "\"enable_snat\":\\s*(true|false)", java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern IP =
      java.util.regex.Pattern.compile("\"ip_address\":\\s*\"([^\"]+)\"");

  private static Vm.RouterInfo info(RouterList.Router r, Evidence e) {
    String gw = r.externalGatewayInfo().replaceAll("\\s+", " ");
    var net = NETWORK.matcher(gw);
    var snat = SNAT.matcher(gw);
    List<String> ips = new ArrayList<>();
    var ip = IP.matcher(gw);
    while (ip.find()) {
      ips.add(ip.group(1));
    }
    return new Vm.RouterInfo(
        r.id(),
        r.name(),
        r.distributed().orElse(false),
        r.ha().orElse(false),
        List.of(e),
        net.find() ? net.group(1) : "",
        ips,
        snat.find() ? snat.group(1).toLowerCase(java.util.Locale.ROOT) : "");
  }
}
