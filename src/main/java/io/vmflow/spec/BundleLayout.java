package io.vmflow.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each spec lives in a sosreport (and in bundles written by vmflow-collect, which follow the
 * same naming): sos names a command's output by its command line, {@code /usr/bin/} stripped and
 * other character runs turned into {@code _} ({@code ovs-ofctl show br-int} is {@code
 * sos_commands/openvswitch/ovs-ofctl_show_br-int}). First match wins; the named group {@code s} is
 * the per-object subject.
 */
public final class BundleLayout {

  /** A spec found at a path, with its subject ("" when none). */
  public record Match(Spec spec, String subject) {}

  private record Rule(Spec spec, Pattern pattern) {}

  private static final List<Rule> RULES =
      List.of(
          rule(Spec.OVS_VSCTL_SHOW, "ovs-vsctl(_-t_\\d+)?_show"),
          // ovs-ofctl_show_br-int, ovs-ofctl_-O_OpenFlow13_show_br-int
          rule(
              Spec.OVS_OFCTL_SHOW,
              "ovs-ofctl(_-O_OpenFlow1\\d)?_(show|dump-ports-desc)_(?<s>[^/]+)"),
          rule(Spec.OVS_OFCTL_DUMP_FLOWS, "ovs-ofctl(_-O_OpenFlow1\\d)?_dump-flows_(?<s>[^/]+)"),
          // ovs-appctl_fdb.show_br-int
          rule(Spec.OVS_APPCTL_FDB_SHOW, "ovs-appctl_fdb\\.show_(?<s>[^/]+)"),
          // ovs-dpctl_show_-s, ovs-appctl_dpctl.show_-s_system_ovs-system (per datapath: sos 4.x)
          rule(
              Spec.OVS_DPCTL_SHOW,
              "(ovs-dpctl_(-s_)?show(_-s)?|ovs-appctl_dpctl\\.show(_-s)?(_[^/]+)?)"),
          rule(Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS, "ovs-appctl_ofproto\\.list-tunnels"),
          // ovs-appctl_ofproto.trace_br-int_in_port_1_icmp...: the subject is the bridge
          rule(Spec.OVS_APPCTL_OFPROTO_TRACE, "ovs-appctl_ofproto\\.trace_(?<s>[^_/]+)(_[^/]*)?"),
          rule(Spec.BRCTL_SHOW, "brctl_show"),
          // sos firewall_tables: nft_list_ruleset, iptables_-vnxL, ip6tables_-t_filter_-nvL;
          // iptables-save_-c (vmflow-collect, older sos networking plugin)
          rule(Spec.NFT_LIST_RULESET, "nft(_-a)?_list_ruleset"),
          rule(Spec.IPTABLES_SAVE, "ip6?tables-save(_-c)?"),
          rule(Spec.IPTABLES_LIST, "ip6?tables(_-t_[a-z]+)?_-[nvxL]+(_-t_[a-z]+)?"),
          // bridge_-s_-s_-d_link_show, bridge_-s_-s_-d_-t_fdb_show (sos 4.x networking plugin)
          rule(Spec.BRIDGE_LINK_SHOW, "bridge_(-[a-z]+_)*link(_show)?"),
          rule(Spec.BRIDGE_FDB_SHOW, "bridge_(-[a-z]+_)*fdb(_show)?"),
          // ip_-d_address, ip_-o_addr, ip_addr
          rule(Spec.IP_ADDR, "ip_(-[a-z0-9]+_)*(address|addr|a)(_show)?"),
          // ip_-s_-d_link, ip_-d_link, ip_link
          rule(Spec.IP_LINK, "ip_(-[a-z0-9]+_)*(link|l)(_show)?"),
          rule(Spec.VIRSH_DUMPXML, "virsh_(-r_)?dumpxml_(?<s>[^/]+)"),
          // sos's virsh plugin runs `virsh -r list --all`: virsh_-r_list_--all; older sos and
          // hand-made bundles: virsh_list_--all, virsh_list
          rule(Spec.VIRSH_LIST, "virsh_(-r_)?list(_--all)?"),
          rule(Spec.HOSTNAME, "hostname"),
          rule(Spec.CPS_HOST_LIST, "cps_host-list"),
          rule(Spec.NOVA_LIST, "nova_list(_--all-tenants(_1|_True)?)?"),
          rule(Spec.NEUTRON_PORT_LIST, "neutron_port-list"),
          rule(Spec.NEUTRON_NET_LIST, "neutron_net-list"),
          rule(Spec.NEUTRON_SUBNET_LIST, "neutron_subnet-list"),
          rule(Spec.NEUTRON_ROUTER_LIST, "neutron_router-list"),
          rule(Spec.OPENSTACK_SERVER_LIST, "openstack_server_list(_--all-projects)?(_--long)?"),
          rule(Spec.OPENSTACK_PORT_LIST, "openstack_port_list(_--long)?"),
          rule(Spec.OPENSTACK_NETWORK_LIST, "openstack_network_list(_--long)?"),
          rule(Spec.OPENSTACK_SUBNET_LIST, "openstack_subnet_list(_--long)?"),
          rule(Spec.OPENSTACK_ROUTER_LIST, "openstack_router_list(_--long)?"),
          rule(Spec.OPENSTACK_SERVER_SHOW, "openstack_server_show_(?<s>[^/]+)"),
          rule(Spec.OPENSTACK_PORT_SHOW, "openstack_port_show_(?<s>[^/]+)"),
          rule(Spec.OPENSTACK_ROUTER_SHOW, "openstack_router_show_(?<s>[^/]+)"),
          rule(Spec.OPENSTACK_NETWORK_SHOW, "openstack_network_show_(?<s>[^/]+)"),
          rule(Spec.NOVA_SHOW, "nova_show_(?<s>[^/]+)"),
          rule(Spec.NOVA_INTERFACE_LIST, "nova_interface-list_(?<s>[^/]+)"),
          rule(Spec.NEUTRON_PORT_SHOW, "neutron_port-show_(?<s>[^/]+)"),
          rule(Spec.NEUTRON_ROUTER_SHOW, "neutron_router-show_(?<s>[^/]+)"));

  // outputs sos and vmflow-collect keep for a reader's context (clock, uptime, port counters) that
  // vmflow does not analyse: cataloged as evidence, without an "unrecognised" finding
  private static final Pattern CONTEXT =
      Pattern.compile(
          "date(_--utc)?|uptime|ovs-ofctl(_-O_OpenFlow1\\d)?_dump-ports_[^/]+|ovs-vsctl(_-t_\\d+)?_--version|ovs-vswitchd_--version");

  private BundleLayout() {}

  /** True for a sos file name of an output kept only as context (see {@link #CONTEXT}). */
  public static boolean isContext(String path) {
    return CONTEXT.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  /** The spec stored at {@code path} (any prefix; only the file name is matched). */
  public static Optional<Match> match(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(name);
      if (m.matches()) {
        String subject = r.pattern().pattern().contains("(?<s>") ? m.group("s") : "";
        return Optional.of(new Match(r.spec(), subject));
      }
    }
    return Optional.empty();
  }

  private static Rule rule(Spec spec, String regex) {
    return new Rule(spec, Pattern.compile(regex));
  }
}
