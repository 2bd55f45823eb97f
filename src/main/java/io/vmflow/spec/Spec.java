package io.vmflow.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Every command output vmflow understands, described in one place: an abstract name, the command
 * line that produces it, whether it is run once per object (bridge, VM, port), the names sos gives
 * its file ({@link BundleLayout} reads them) and the words that select it when typed at a prompt
 * (ingest's transcript splitting reads them). {@link #id()} names fixtures folders, report anchors
 * and log lines. Content rules for nameless files live in ingest ({@code KindSniffer}, ordered
 * across kinds); the parser is bound in {@code parse.ParserRegistry}.
 */
public enum Spec {
  // controller side: nova / neutron / openstack / FusionSphere cps
  NOVA_LIST("nova list", sos("nova_list(_--all-tenants(_1|_True)?)?"), typed("nova list")),
  NOVA_SHOW("nova show %s", Scope.PER_OBJECT, sos("nova_show_(?<s>[^/]+)"), typed("nova show")),
  NOVA_INTERFACE_LIST(
      "nova interface-list %s",
      Scope.PER_OBJECT, sos("nova_interface-list_(?<s>[^/]+)"), typed("nova interface-list")),
  NEUTRON_PORT_SHOW(
      "neutron port-show %s",
      Scope.PER_OBJECT, sos("neutron_port-show_(?<s>[^/]+)"), typed("neutron port-show")),
  NEUTRON_PORT_LIST("neutron port-list", sos("neutron_port-list"), typed("neutron port-list")),
  NEUTRON_NET_LIST("neutron net-list", sos("neutron_net-list"), typed("neutron net-list")),
  NEUTRON_SUBNET_LIST(
      "neutron subnet-list", sos("neutron_subnet-list"), typed("neutron subnet-list")),
  NEUTRON_ROUTER_LIST(
      "neutron router-list", sos("neutron_router-list"), typed("neutron router-list")),
  NEUTRON_ROUTER_SHOW(
      "neutron router-show %s",
      Scope.PER_OBJECT, sos("neutron_router-show_(?<s>[^/]+)"), typed("neutron router-show")),
  OPENSTACK_SERVER_LIST(
      "openstack server list",
      sos("openstack_server_list(_--all-projects)?(_--long)?"),
      typed("openstack server list")),
  OPENSTACK_SERVER_SHOW(
      "openstack server show %s",
      Scope.PER_OBJECT, sos("openstack_server_show_(?<s>[^/]+)"), typed("openstack server show")),
  OPENSTACK_PORT_LIST(
      "openstack port list", sos("openstack_port_list(_--long)?"), typed("openstack port list")),
  OPENSTACK_PORT_SHOW(
      "openstack port show %s",
      Scope.PER_OBJECT, sos("openstack_port_show_(?<s>[^/]+)"), typed("openstack port show")),
  OPENSTACK_NETWORK_LIST(
      "openstack network list",
      sos("openstack_network_list(_--long)?"),
      typed("openstack network list")),
  OPENSTACK_NETWORK_SHOW(
      "openstack network show %s",
      Scope.PER_OBJECT, sos("openstack_network_show_(?<s>[^/]+)"), typed("openstack network show")),
  OPENSTACK_SUBNET_LIST(
      "openstack subnet list",
      sos("openstack_subnet_list(_--long)?"),
      typed("openstack subnet list")),
  NEUTRON_SUBNET_SHOW(
      "neutron subnet-show %s",
      Scope.PER_OBJECT, sos("neutron_subnet-show_(?<s>[^/]+)"), typed("neutron subnet-show")),
  OPENSTACK_SUBNET_SHOW(
      "openstack subnet show %s",
      Scope.PER_OBJECT, sos("openstack_subnet_show_(?<s>[^/]+)"), typed("openstack subnet show")),
  OPENSTACK_ROUTER_LIST(
      "openstack router list",
      sos("openstack_router_list(_--long)?"),
      typed("openstack router list")),
  OPENSTACK_ROUTER_SHOW(
      "openstack router show %s",
      Scope.PER_OBJECT, sos("openstack_router_show_(?<s>[^/]+)"), typed("openstack router show")),
  NEUTRON_SECURITY_GROUP_LIST(
      "neutron security-group-list",
      sos("neutron_security-group-list"),
      typed("neutron security-group-list")),
  NEUTRON_SECURITY_GROUP_RULE_LIST(
      "neutron security-group-rule-list",
      sos("neutron_security-group-rule-list"),
      typed("neutron security-group-rule-list")),
  OPENSTACK_SECURITY_GROUP_LIST(
      "openstack security group list",
      sos("openstack_security_group_list(_--all-projects)?(_--long)?"),
      typed("openstack security group list")),
  OPENSTACK_SECURITY_GROUP_RULE_LIST(
      "openstack security group rule list",
      sos("openstack_security_group_rule_list(_--all-projects)?(_--long)?"),
      typed("openstack security group rule list")),
  CPS_HOST_LIST("cps host-list", sos("cps_host-list"), typed("cps host-list")),

  // host side: Linux
  HOSTNAME("hostname", sos("hostname"), typed("hostname")),
  // the host's clock and zone at collection (sos's date plugin: sos_commands/date/date and
  // date_--utc; older sos: sos_commands/general/date): oslo.log's zone-less times need its offset
  DATE("date", sos("date"), typed("date")),
  DATE_UTC("date --utc", sos("date_(--utc|-u|--universal)"), typed("date --utc")),
  BRCTL_SHOW("brctl show", sos("brctl_show"), typed("brctl show")),
  // bridge_-s_-s_-d_link_show, bridge_-s_-s_-d_-t_fdb_show (sos 4.x networking plugin)
  BRIDGE_LINK_SHOW(
      "bridge -d link show", sos("bridge_(-[a-z]+_)*link(_show)?"), typed("bridge link")),
  BRIDGE_FDB_SHOW("bridge fdb show", sos("bridge_(-[a-z]+_)*fdb(_show)?"), typed("bridge fdb")),
  // ip_-s_-d_link, ip_-d_link, ip_link; typed as ip l, ip li, ip lin, ip link
  IP_LINK(
      "ip -d link show",
      sos("ip_(-[a-z0-9]+_)*(link|l)(_show)?"),
      typed("ip l", "ip li", "ip lin", "ip link")),
  // ip_-d_address, ip_-o_addr, ip_addr
  IP_ADDR(
      "ip addr show",
      sos("ip_(-[a-z0-9]+_)*(address|addr|a)(_show)?"),
      typed("ip a", "ip ad", "ip add", "ip addr", "ip addre", "ip addres", "ip address")),

  // routing: ip route show table all (sos), ip -6 route ..., ip route; ip -s -s neigh show (sos),
  // ip neigh; ip -4 rule list (sos), ip rule; ip netns (sos: "name (id: N)" or the name alone)
  IP_ROUTE(
      "ip route show table all",
      sos("ip_(-[a-z0-9]+_)*(route|ro|r)(_show|_list)?(_table_[a-z0-9]+)?"),
      typed("ip r", "ip ro", "ip rou", "ip rout", "ip route")),
  IP_NEIGH(
      "ip neigh show",
      sos("ip_(-[a-z0-9]+_)*(neigh|neighbour|neighbor|n)(_show|_list)?(_nud_[a-z]+)?"),
      typed("ip n", "ip ne", "ip nei", "ip neigh", "ip neighbour", "ip neighbor")),
  IP_RULE(
      "ip rule list", sos("ip_(-[a-z0-9]+_)*(rule|ru)(_show|_list)?"), typed("ip ru", "ip rule")),
  IP_NETNS("ip netns", sos("ip_netns(_list|_show)?"), typed("ip netns")),

  // the same outputs inside a network namespace (sos networking plugin, vmflow-collect):
  // ip_netns_exec_qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5_ip_address_show (older sos),
  // namespaces/<ns>/ip_netns_exec_<ns>_ip_-d_address_show (sos 4.x); the subject is the namespace.
  // Typed as "ip netns exec NS <command>" or "ip -n NS <command>" (ingest.CommandSpecs).
  NETNS_IP_ADDR(
      "ip netns exec %s ip -d address show",
      Scope.PER_OBJECT,
      sos("ip_netns_exec_(?<s>[^_/]+)_ip_(-[a-z0-9]+_)*(address|addr|a)(_show)?"),
      List.of()),
  NETNS_IP_ROUTE(
      "ip netns exec %s ip route show table all",
      Scope.PER_OBJECT,
      sos(
          "ip_netns_exec_(?<s>[^_/]+)_ip_(-[a-z0-9]+_)*(route|ro|r)(_show|_list)?(_table_[a-z0-9]+)?"),
      List.of()),
  NETNS_IP_NEIGH(
      "ip netns exec %s ip neigh show",
      Scope.PER_OBJECT,
      sos(
          "ip_netns_exec_(?<s>[^_/]+)_ip_(-[a-z0-9]+_)*(neigh|neighbour|neighbor|n)(_show|_list)?(_nud_[a-z]+)?"),
      List.of()),
  NETNS_IP_RULE(
      "ip netns exec %s ip rule list",
      Scope.PER_OBJECT,
      sos("ip_netns_exec_(?<s>[^_/]+)_ip_(-[a-z0-9]+_)*(rule|ru)(_show|_list)?"),
      List.of()),
  NETNS_IPTABLES_SAVE(
      "ip netns exec %s iptables-save -c",
      Scope.PER_OBJECT, sos("ip_netns_exec_(?<s>[^_/]+)_ip6?tables-save(_-c)?"), List.of()),

  // host side: Open vSwitch
  OVS_VSCTL_SHOW("ovs-vsctl show", sos("ovs-vsctl(_-t_\\d+)?_show"), typed("ovs-vsctl show")),
  // ovs-ofctl_show_br-int, ovs-ofctl_-O_OpenFlow13_show_br-int
  OVS_OFCTL_SHOW(
      "ovs-ofctl show %s",
      Scope.PER_OBJECT,
      sos("ovs-ofctl(_-O_OpenFlow1\\d)?_(show|dump-ports-desc)_(?<s>[^/]+)"),
      typed("ovs-ofctl show")),
  OVS_OFCTL_DUMP_FLOWS(
      "ovs-ofctl dump-flows %s",
      Scope.PER_OBJECT,
      sos("ovs-ofctl(_-O_OpenFlow1\\d)?_dump-flows_(?<s>[^/]+)"),
      typed("ovs-ofctl dump-flows")),
  // ovs-ofctl_dump-ports_br-int, ovs-ofctl_-O_OpenFlow13_dump-ports_br-tun: per-port counters
  OVS_OFCTL_DUMP_PORTS(
      "ovs-ofctl dump-ports %s",
      Scope.PER_OBJECT,
      sos("ovs-ofctl(_-O_OpenFlow1\\d)?_dump-ports_(?<s>[^/]+)"),
      typed("ovs-ofctl dump-ports")),
  // ovs-appctl_fdb.show_br-int
  OVS_APPCTL_FDB_SHOW(
      "ovs-appctl fdb/show %s",
      Scope.PER_OBJECT, sos("ovs-appctl_fdb\\.show_(?<s>[^/]+)"), typed("ovs-appctl fdb/show")),
  // ovs-dpctl_show_-s, ovs-appctl_dpctl.show_-s_system_ovs-system (per datapath: sos 4.x)
  OVS_DPCTL_SHOW(
      "ovs-dpctl show",
      sos("(ovs-dpctl_(-s_)?show(_-s)?|ovs-appctl_dpctl\\.show(_-s)?(_[^/]+)?)"),
      typed("ovs-dpctl show", "ovs-appctl dpctl/show")),
  OVS_APPCTL_OFPROTO_LIST_TUNNELS(
      "ovs-appctl ofproto/list-tunnels",
      sos("ovs-appctl_ofproto\\.list-tunnels"),
      typed("ovs-appctl ofproto/list-tunnels")),
  // ovs-appctl_ofproto.trace_br-int_in_port_1_icmp...: the subject is the bridge
  OVS_APPCTL_OFPROTO_TRACE(
      "ovs-appctl ofproto/trace %s",
      Scope.PER_OBJECT,
      sos("ovs-appctl_ofproto\\.trace_(?<s>[^_/]+)(_[^/]*)?"),
      typed("ovs-appctl ofproto/trace")),

  // a log file, not a command: sos copies var/log/openvswitch/ovs-vswitchd.log (and rotated
  // ovs-vswitchd.log.1); typed, it is cat of that file
  OVS_VSWITCHD_LOG(
      "cat /var/log/openvswitch/ovs-vswitchd.log",
      sos("(cat_\\.var\\.log\\.openvswitch\\.)?ovs-vswitchd\\.log(\\.\\d{1,3})?"),
      typed("cat /var/log/openvswitch/ovs-vswitchd.log")),

  // host side: packet filters (ip6tables prints the same formats). sos firewall_tables:
  // nft_list_ruleset, iptables_-vnxL, ip6tables_-t_filter_-nvL; iptables-save_-c (vmflow-collect,
  // older sos networking plugin). iptables listings are told from changes in ingest.CommandSpecs.
  IPTABLES_SAVE(
      "iptables-save -c", sos("ip6?tables-save(_-c)?"), typed("iptables-save", "ip6tables-save")),
  IPTABLES_LIST("iptables -vnxL", sos("ip6?tables(_-t_[a-z]+)?_-[nvxL]+(_-t_[a-z]+)?"), List.of()),
  NFT_LIST_RULESET("nft list ruleset", sos("nft(_-a)?_list_ruleset"), typed("nft list ruleset")),
  // the Linux bridge's frame filter: sos ebtables plugin ebtables_-L, ebtables_-t_nat_-L;
  // vmflow-collect adds --Lc (counters)
  EBTABLES_LIST(
      "ebtables -L --Lc", sos("ebtables(_-t_[a-z]+)?_-L(_--Lc)?(_--Ln)?"), typed("ebtables")),

  // host side: libvirt
  // sos's virsh plugin runs `virsh -r list --all`: virsh_-r_list_--all; older sos and hand-made
  // bundles: virsh_list_--all, virsh_list
  // insights names it virsh_--readonly_list_--all
  VIRSH_LIST("virsh list --all", sos("virsh_(-r_|--readonly_)?list(_--all)?"), typed("virsh list")),
  VIRSH_DUMPXML(
      "virsh dumpxml %s",
      Scope.PER_OBJECT, sos("virsh_(-r_)?dumpxml_(?<s>[^/]+)"), typed("virsh dumpxml")),

  // captures in text form: no file name of their own; typed, the subject is the -i interface
  TCPDUMP_TEXT("tcpdump -nne", sos(), typed("tcpdump")),

  // health signals (#23), last so that the fuzz seeds (whose last byte picks a spec by its
  // position) keep exercising the parsers they were made for
  // ovs-vsctl_-t_5_list_interface (sos): its statistics column
  OVS_VSCTL_LIST_INTERFACE(
      "ovs-vsctl list interface",
      sos("ovs-vsctl(_-t_\\d+)?_list_[Ii]nterface"),
      typed("ovs-vsctl list interface", "ovs-vsctl list Interface")),
  // ovs-appctl_upcall.show: each datapath's flow count against its flow limit
  OVS_APPCTL_UPCALL_SHOW(
      "ovs-appctl upcall/show", sos("ovs-appctl_upcall\\.show"), typed("ovs-appctl upcall/show")),
  // ovs-appctl_coverage.show: the switch's event counters (drop_action_*, datapath_drop_*)
  OVS_APPCTL_COVERAGE_SHOW(
      "ovs-appctl coverage/show",
      sos("ovs-appctl_coverage\\.show"),
      typed("ovs-appctl coverage/show")),
  // ovs-appctl_fdb.stats-show_br-int: a bridge's MAC table size, limit and evictions
  OVS_APPCTL_FDB_STATS_SHOW(
      "ovs-appctl fdb/stats-show %s",
      Scope.PER_OBJECT,
      sos("ovs-appctl_fdb\\.stats-show_(?<s>[^/]+)"),
      typed("ovs-appctl fdb/stats-show")),

  // the kernel's per-device counters: sos copies proc/net/dev (BundleLayout knows that path);
  // vmflow-collect runs cat /proc/net/dev
  PROC_NET_DEV("cat /proc/net/dev", sos("cat_\\.proc\\.net\\.dev"), typed("cat /proc/net/dev")),
  // ethtool_-S_ens3: a NIC driver's own counters (queue drops, missed, errors)
  ETHTOOL_S("ethtool -S %s", Scope.PER_OBJECT, sos("ethtool_-S_(?<s>[^/]+)"), typed("ethtool -S")),

  // log files, not commands (#23): sos copies var/log/openvswitch/ovsdb-server.log (rotated .1);
  // OVN's ovsdb-server-nb.log and -sb.log are other databases and not read here
  OVSDB_SERVER_LOG(
      "cat /var/log/openvswitch/ovsdb-server.log",
      sos("(cat_\\.var\\.log\\.openvswitch\\.)?ovsdb-server\\.log(\\.\\d{1,3})?"),
      typed("cat /var/log/openvswitch/ovsdb-server.log")),
  // a neutron agent's log: var/log/neutron/openvswitch-agent.log (RHEL, containers under
  // var/log/containers/neutron/), neutron-openvswitch-agent.log (Ubuntu, kolla); l3-agent,
  // dhcp-agent and linuxbridge-agent alike. The agent is the subject (a log, not a per-object
  // command: typed as cat of the file, whose name the prompt form does not keep)
  NEUTRON_AGENT_LOG(
      "cat /var/log/neutron/openvswitch-agent.log",
      sos(
          "(cat_\\.var\\.log\\.neutron\\.)?(neutron-)?"
              + "(?<s>openvswitch-agent|l3-agent|dhcp-agent|linuxbridge-agent)\\.log(\\.\\d{1,3})?"),
      typed(
          "cat /var/log/neutron/openvswitch-agent.log",
          "cat /var/log/neutron/neutron-openvswitch-agent.log",
          "cat /var/log/neutron/l3-agent.log",
          "cat /var/log/neutron/neutron-l3-agent.log",
          "cat /var/log/neutron/dhcp-agent.log",
          "cat /var/log/neutron/neutron-dhcp-agent.log")),
  // ovs-appctl_tnl.ports.show_-v (sos): the userspace datapath's tunnel listeners
  OVS_APPCTL_TNL_PORTS_SHOW(
      "ovs-appctl tnl/ports/show",
      sos("ovs-appctl_tnl\\.ports\\.show(_-v)?"),
      typed("ovs-appctl tnl/ports/show")),
  // routers and DHCP (#19), after the health signals for the same reason
  NEUTRON_FLOATINGIP_LIST(
      "neutron floatingip-list", sos("neutron_floatingip-list"), typed("neutron floatingip-list")),
  OPENSTACK_FLOATING_IP_LIST(
      "openstack floating ip list",
      sos("openstack_floating_ip_list(_--long)?(_--all-projects)?"),
      typed("openstack floating ip list")),
  // the table of openstack network show (one parser reads both); vmflow-collect runs it per network
  NEUTRON_NET_SHOW(
      "neutron net-show %s",
      Scope.PER_OBJECT, sos("neutron_net-show_(?<s>[^/]+)"), typed("neutron net-show")),
  // a file, not a command: the DHCP agent's dnsmasq host file of one network, which sos copies with
  // the rest of /var/lib/neutron/ (BundleLayout knows that folder; the subject is the network id);
  // typed, it is cat of that file (ingest.CommandSpecs)
  NEUTRON_DHCP_HOST(
      "cat /var/lib/neutron/dhcp/%s/host",
      Scope.PER_OBJECT, sos("cat_\\.var\\.lib\\.neutron\\.dhcp\\.(?<s>[^/]+)\\.host"), List.of()),
  // ovs-ofctl_-O_OpenFlow13_dump-groups_br-int (sos runs it once per OpenFlow version): the
  // bridge's OpenFlow groups, loaded into the trace stage's replica before the flows
  OVS_OFCTL_DUMP_GROUPS(
      "ovs-ofctl dump-groups %s",
      Scope.PER_OBJECT,
      sos("ovs-ofctl(_-O_OpenFlow1\\d)?_dump-groups_(?<s>[^/]+)"),
      typed("ovs-ofctl dump-groups"));

  /** Whether the command runs once per host or once per object named in the command line. */
  public enum Scope {
    PER_HOST,
    PER_OBJECT
  }

  private final String command;
  private final Scope scope;
  private final List<Pattern> sosNames;
  private final List<List<String>> typed;

  Spec(String command, List<Pattern> sosNames, List<List<String>> typed) {
    this(command, Scope.PER_HOST, sosNames, typed);
  }

  Spec(String command, Scope scope, List<Pattern> sosNames, List<List<String>> typed) {
    this.command = command;
    this.scope = scope;
    this.sosNames = sosNames;
    this.typed = typed;
  }

  /**
   * The names sos and vmflow-collect give this output's file ({@code /usr/bin/} stripped, other
   * character runs turned into {@code _}), matched against the whole file name; a named group
   * {@code s} captures the per-object subject. Empty: the output has no file of its own.
   */
  public List<Pattern> sosNames() {
    return sosNames;
  }

  /**
   * The command as typed at a prompt: the tool, then the leading positional words that select this
   * output ({@code [ovs-ofctl, show]}); options are not part of it. For a per-object spec the next
   * positional word is the subject.
   */
  public List<List<String>> typed() {
    return typed;
  }

  private static List<Pattern> sos(String... regexes) {
    return Arrays.stream(regexes).map(Pattern::compile).toList();
  }

  private static List<List<String>> typed(String... forms) {
    return Arrays.stream(forms).map(f -> List.of(f.split(" "))).toList();
  }

  /** Lower-case name, e.g. {@code brctl_show}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The command line, with {@code %s} where the object goes for per-object specs. */
  public String command() {
    return command;
  }

  public Scope scope() {
    return scope;
  }

  /**
   * The spec of this host-level output when run inside a network namespace ({@code ip netns exec NS
   * ...}), empty when vmflow reads no namespaced form of it.
   */
  public java.util.Optional<Spec> inNamespace() {
    return java.util.Optional.ofNullable(
        switch (this) {
          case IP_ADDR, IP_LINK -> NETNS_IP_ADDR;
          case IP_ROUTE -> NETNS_IP_ROUTE;
          case IP_NEIGH -> NETNS_IP_NEIGH;
          case IP_RULE -> NETNS_IP_RULE;
          case IPTABLES_SAVE -> NETNS_IPTABLES_SAVE;
          default -> null;
        });
  }

  /** Looks a spec up by {@link #id()} or enum name. */
  public static java.util.Optional<Spec> byId(String id) {
    for (Spec s : values()) {
      if (s.id().equalsIgnoreCase(id) || s.name().equalsIgnoreCase(id)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}
