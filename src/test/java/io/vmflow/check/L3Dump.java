package io.vmflow.check;

import io.vmflow.finding.Evidence;
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.L3Facts;
import io.vmflow.topology.L3Hop;
import io.vmflow.topology.L3Path;
import io.vmflow.topology.Namespace;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A two-network dump built in the test: vm1 (10.20.0.11, fa:16:3e:00:00:11) on net1 and vm2
 * (10.30.0.12, fa:16:3e:00:00:12) on net2, both on compute-a behind routers r1 and r2; a network
 * node network-b runs the DHCP namespaces and holds the DHCP host files. Each test takes the
 * healthy dump and breaks one thing of net1's.
 */
final class L3Dump {

  static final String COMPUTE = "compute-a";
  static final String NODE = "network-b";
  static final String NETNS_COMPUTE = "compute-a/sos_commands/networking/ip_netns";
  static final String NETNS_NODE = "network-b/sos_commands/networking/ip_netns";

  List<Namespace> namespaces = new ArrayList<>();
  List<L3Facts.DhcpHostFile> dhcp = new ArrayList<>();
  List<L3Facts.FloatingIp> fips = new ArrayList<>();
  List<Vm.RouterInfo> routers1 = new ArrayList<>();
  List<Vm.RouterInfo> routers2 = new ArrayList<>();
  String dhcp1 = "true";
  String dhcp2 = "true";
  boolean gateway1 = true;

  /** Everything in place: namespaces, host files with both VMs, NAT for vm1's floating IP. */
  static L3Dump healthy() {
    L3Dump d = new L3Dump();
    d.namespaces.add(ns(COMPUTE, "qrouter-r1", NETNS_COMPUTE, 1, nat("172.24.4.10", "10.20.0.11")));
    d.namespaces.add(ns(COMPUTE, "qrouter-r2", NETNS_COMPUTE, 2, List.of()));
    d.namespaces.add(ns(NODE, "qdhcp-net1", NETNS_NODE, 1, List.of()));
    d.namespaces.add(ns(NODE, "qdhcp-net2", NETNS_NODE, 2, List.of()));
    d.dhcp.add(hostFile("net1", "fa:16:3e:00:00:11", "10.20.0.11"));
    d.dhcp.add(hostFile("net2", "fa:16:3e:00:00:12", "10.30.0.12"));
    d.fips.add(
        new L3Facts.FloatingIp(
            "172.24.4.10", "10.20.0.11", "vm1-port", "ext", new Evidence("floatingip-list", 4)));
    d.routers1.add(router("r1", true));
    d.routers2.add(router("r2", true));
    return d;
  }

  Topology topology() {
    return new Topology(
        List.of(),
        List.of(
            vm("vm1", "net1", "10.20.0.11", "fa:16:3e:00:00:11", routers1),
            vm("vm2", "net2", "10.30.0.12", "fa:16:3e:00:00:12", routers2)),
        List.of(),
        List.of(),
        namespaces,
        List.of(
            gateway1
                ? path(
                    "vm1", "10.20.0.11", "qrouter-r1", "10.20.0.1", subnet("s1", "10.20.0", dhcp1))
                : new L3Path(
                    "vm1",
                    "vm1-port",
                    path("vm1", "10.20.0.11", "", "", null).hops().subList(0, 1),
                    subnet("s1", "10.20.0", dhcp1)),
            path("vm2", "10.30.0.12", "qrouter-r2", "10.30.0.1", subnet("s2", "10.30.0", dhcp2))),
        new L3Facts(List.of(), dhcp, fips, Map.of(COMPUTE, NETNS_COMPUTE, NODE, NETNS_NODE)));
  }

  void remove(String namespace) {
    namespaces.removeIf(n -> n.name().equals(namespace));
  }

  static Namespace ns(String host, String name, String listing, int line, List<Namespace.Nat> nat) {
    int dash = name.indexOf('-');
    return new Namespace(
        host,
        name,
        name.substring(0, dash).toUpperCase(java.util.Locale.ROOT),
        name.substring(dash + 1),
        List.of(),
        List.of(),
        List.of(),
        nat,
        true,
        true,
        false,
        true,
        List.of(new Evidence(listing, line)));
  }

  static List<Namespace.Nat> nat(String floating, String fixed) {
    String save = "ip_netns_exec_qrouter-r1_iptables-save";
    return List.of(
        new Namespace.Nat("DNAT", floating, fixed, new Evidence(save, 10)),
        new Namespace.Nat("SNAT", fixed, floating, new Evidence(save, 11)));
  }

  static L3Facts.DhcpHostFile hostFile(String net, String mac, String ip) {
    String origin = NODE + "/var/lib/neutron/dhcp/" + net + "/host";
    return new L3Facts.DhcpHostFile(
        NODE,
        net,
        List.of(
            new L3Facts.DhcpHostFile.Entry(
                "fa:16:3e:aa:bb:01", "10.9.9.9", new Evidence(origin, 1)),
            new L3Facts.DhcpHostFile.Entry(mac, ip, new Evidence(origin, 2))),
        new Evidence(origin, 1));
  }

  static Vm.RouterInfo router(String id, boolean distributed) {
    return new Vm.RouterInfo(
        id, "router-" + id, distributed, false, List.of(new Evidence("router-list", 4)));
  }

  static L3Path.Subnet subnet(String id, String prefix, String dhcp) {
    return new L3Path.Subnet(
        id,
        prefix + ".0/24",
        prefix + ".1",
        dhcp,
        List.of(prefix + ".2-" + prefix + ".254"),
        new Evidence("subnet-show_" + id, 6));
  }

  static L3Path path(String vm, String ip, String ns, String gw, L3Path.Subnet subnet) {
    return new L3Path(
        vm,
        vm + "-port",
        List.of(
            new L3Hop("tap" + vm, "VM", COMPUTE, "", ip, "", "", "", -1, "", true, List.of()),
            new L3Hop(
                "qr-" + vm,
                "GATEWAY",
                COMPUTE,
                ns,
                gw,
                "",
                "br-int",
                "4",
                1,
                "",
                true,
                List.of(new Evidence("addr", 5)))),
        subnet);
  }

  static Vm vm(String id, String net, String ip, String mac, List<Vm.RouterInfo> routers) {
    Hop tap =
        new Hop("tap" + id, HopKind.TAP, "", "", -1, mac, true, COMPUTE, "", List.of(), List.of());
    VmPort port =
        new VmPort(
            id + "-port",
            "",
            "",
            mac,
            List.of(ip),
            net,
            net,
            List.of(),
            "ACTIVE",
            List.of(tap),
            List.of(),
            List.of());
    return new Vm(id, id, "ACTIVE", COMPUTE, List.of(port), routers, List.of());
  }
}
