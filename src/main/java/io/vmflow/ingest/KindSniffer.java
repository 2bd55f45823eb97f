package io.vmflow.ingest;

import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises a command output by its first lines when its file name says nothing ({@code
 * out1.txt}). Each rule quotes the line shape it keys on.
 */
public final class KindSniffer {

  private static final int LOOK = 60;

  // 14:32:10.193922 fa:16:3e:63:28:94 > fa:16:3e:29:fb:13, ethertype IPv4 (0x0800), length 98: ...
  // 2016-01-22T08:58:33.377Z|00002|vlog|INFO|opened log file /var/log/openvswitch/ovs-vswitchd.log
  private static final Pattern VSWITCHD_LOG =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\|\\d+\\|[^|]+\\|(EMER|ERR|WARN|INFO|DBG)\\|.*(ovs-vswitchd|ofproto|bridge|netdev|dpif|bond).*$");
  // 2017-03-12T11:56:55.053Z|00002|ovsdb_server|INFO|ovsdb-server (Open vSwitch) 2.4.0  /  its
  // first line: ...|00001|vlog|INFO|opened log file /var/log/openvswitch/ovsdb-server.log
  private static final Pattern OVSDB_LOG =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\\|\\d+\\|"
              + "(ovsdb_server\\|.*|vlog\\|INFO\\|opened log file .*ovsdb-server\\.log)$");
  // 2016-11-03 14:22:44.462 23122 INFO neutron.common.config [-] Logging enabled!
  private static final Pattern NEUTRON_LOG =
      Pattern.compile(
          "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\d+ "
              + "(CRITICAL|ERROR|WARNING|INFO|DEBUG) neutron\\.\\S+ .*");
  //   flows         : (current 7) (avg 6) (max 24) (limit 23000)   (upcall/show)
  private static final Pattern UPCALL_FLOWS =
      Pattern.compile("^\\s+flows\\s*: \\(current \\d+\\) \\(avg \\d+\\).*");
  // drop_action_of_pipeline   0.0/sec     0.017/sec        0.0031/sec   total: 11
  private static final Pattern COVERAGE_EVENT =
      Pattern.compile("^\\w+\\s+[\\d.]+/sec\\s+[\\d.]+/sec\\s+[\\d.]+/sec\\s+total: \\d+\\s*$");
  // statistics          : {collisions=0, rx_bytes=92724, ...}   (ovs-vsctl list interface)
  private static final Pattern VSCTL_STATISTICS =
      Pattern.compile("^statistics\\s+: \\{(\\w+=\\d+(, )?)*\\}\\s*$");
  private static final Pattern TCPDUMP =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d\\.\\d{6,9} .*(ICMP|ICMP6|IP6?|ARP|ethertype) .*");
  //  71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17
  private static final Pattern OFCTL_PORT =
      Pattern.compile("^\\s*(\\d+|LOCAL)\\([^)]+\\): addr:[0-9a-fA-F:]{17}.*");
  //  cookie=0x0, duration=10.5s, table=0, n_packets=0, ..., actions=NORMAL
  private static final Pattern FLOW =
      Pattern.compile("^\\s*(cookie=0x[0-9a-f]+|table=\\d+|priority=\\d+).*actions=.*");
  //  port  VLAN  MAC                Age      /    71    15  fa:16:3e:29:fb:13    0
  private static final Pattern FDB_HEADER =
      Pattern.compile("^\\s*(port|Port)\\s+VLAN\\s+MAC\\s+Age\\s*$");
  private static final Pattern FDB_ROW =
      Pattern.compile(
          "^\\s*(\\d+|LOCAL)\\s+\\d+\\s+[0-9a-f]{2}(:[0-9a-f]{2}){5}\\s+(\\d+|static)\\s*$");
  //     Bridge br-int   /    Port "pvo1c65142e-2a"   /   ovs_version: "2.17.0"   /   the database's
  // uuid, which opens the output: e4d4f521-086d-4479-a88f-d531cd1646b8
  private static final Pattern VSCTL =
      Pattern.compile(
          "^\\s*(Bridge \"?[\\w.:-]+\"?|ovs_version: .*|Manager \".*|Port \"?[\\w.:-]+\"?)\\s*$"
              + "|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  // bridge name	bridge id		STP enabled	interfaces  /  qbr1c65142e-2a		8000.4e62113fce3a	no
  //	qvm1c65142e-2a
  private static final Pattern BRCTL =
      Pattern.compile(
          "^(bridge name\\s+bridge id\\s+STP enabled.*|\\S+\\s+[0-9a-f]{4}\\.[0-9a-f]{12}\\s+(yes|no)\\b.*)$");
  // 2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc ...
  private static final Pattern IP_HEADER = Pattern.compile("^\\d+: [^:]+: <.*> mtu \\d+.*");
  private static final Pattern IP_INET = Pattern.compile("^\\s+inet6? [0-9a-f.:]+/\\d+.*");
  // 17: veth1883dceb@if16: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br-ens3 state
  // forwarding priority 32 cost 2
  // (bridge link: no qdisc, which ip link always prints; old iproute2: "2: eth0 state UP : <...")
  private static final Pattern BRIDGE_LINK =
      Pattern.compile("^\\d+: \\S+( state \\S+)?( @\\S+)? ?: <.*> mtu \\d+ master \\S+.*");
  // 00:16:3e:3a:20:be dev ens3 used 23504/25 master br-ens3  /  33:33:00:00:00:01 dev ens3 self
  // permanent
  private static final Pattern BRIDGE_FDB =
      Pattern.compile("^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5} dev \\S+( .*)?$");
  //  Id    Name                           State   /    2     instance-00000002              running
  private static final Pattern VIRSH_HEADER = Pattern.compile("^\\s*Id\\s+\\S+\\s+\\S+\\s*$");
  private static final Pattern VIRSH_ROW =
      Pattern.compile(
          "^\\s*(\\d+|-)\\s+\\S+\\s+(running|shut off|paused|idle|in shutdown|crashed|pmsuspended|blocked)\\s*$");
  // system@ovs-system:
  // Wed Dec  2 14:44:35 CST 2026; Wed Dec  2 02:44:35 PM CST 2026; Wed 02 Dec 2026 02:44:35 PM CST
  private static final Pattern DATE =
      Pattern.compile(
          "[A-Z][a-z]{2} +([A-Z][a-z]{2} +\\d{1,2}|\\d{1,2} +[A-Z][a-z]{2}( +\\d{4})?)"
              + " +\\d{1,2}:\\d{2}:\\d{2}( [AP]M)?( +[A-Za-z]{1,6}| +[+-]\\d{2,4})( +\\d{4})?");

  private static final Pattern DPCTL = Pattern.compile("^(system|netdev)@[\\w-]+:\\s*$");
  // dpctl/show cut to its ports (hotsos):   port 7: qr-aa623763-fd (internal)
  //     RX packets:309 errors:0 dropped:1394875 overruns:0 frame:0
  private static final Pattern DPCTL_PORT =
      Pattern.compile("^\\s+port \\d+: \\S+( \\(.*\\))?\\s*$");
  //   lookups: hit:39017272903 missed:137481120 lost:54691089   (dpctl/show cut to that line)
  private static final Pattern DPCTL_LOOKUPS =
      Pattern.compile("^\\s*lookups: hit:\\d+ missed:\\d+ lost:\\d+\\s*$");
  private static final Pattern DPCTL_COUNTERS =
      Pattern.compile("^\\s+RX packets:\\d+ errors:\\d+ dropped:\\d+.*");
  // port 4: ovn-comput-1 (geneve: ::->10.10.2.33, key=flow, legacy_l2, dp port=4, ttl=64,
  // csum=true)
  private static final Pattern LIST_TUNNELS =
      Pattern.compile("^port \\d+: \\S+ \\([\\w-]+: \\S*->\\S*,.*\\)\\s*$");

  // default via 10.0.0.2 dev br-ens3 proto static   /   192.168.21.0/24 dev qr-3a70b31c-3f proto
  // kernel scope link src 192.168.21.1   /   local 127.0.0.1 dev lo table local proto kernel ...
  private static final Pattern IP_ROUTE =
      Pattern.compile(
          "^((local|broadcast|multicast|anycast|unreachable|blackhole) )?(default|[0-9a-f.:]+(/\\d+)?)( via \\S+)? dev \\S+ .*\\b(proto|scope|metric) .*");
  // 10.0.0.131 dev br-ens3 lladdr 00:16:3e:3a:20:be ref 1 used 82/10/77 probes 1 REACHABLE
  private static final Pattern IP_NEIGH =
      Pattern.compile(
          "^[0-9a-f.:]+ dev \\S+ .*(REACHABLE|STALE|PERMANENT|FAILED|INCOMPLETE|DELAY|PROBE|NOARP)\\s*$");
  // 32766:	from all lookup main
  private static final Pattern IP_RULE =
      Pattern.compile("^\\d+:\\s+(not )?from \\S+.* lookup \\S+.*");

  // fa:16:3e:61:21:c6,host-192-168-101-85.openstacklocal,192.168.101.85   (a DHCP agent's host
  // file; also ...,[fdca:3ba5:a17a:4ba3::2] and a trailing ,set:port-<id>)
  private static final Pattern DHCP_HOST =
      Pattern.compile(
          "^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5},([^,\\s]*,)*(\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\])(,[^,\\s]*)*$");

  private KindSniffer() {}

  public static Optional<Spec> sniff(List<String> lines) {
    List<String> head = lines.stream().filter(l -> !l.isBlank()).limit(LOOK).toList();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Optional<Spec> table = TableHeaders.spec(head);
    if (table.isPresent()) {
      return table;
    }
    return byLine(head);
  }

  /**
   * A port line of dpctl/show followed by its counters or another port line (ifconfig has such
   * counters but no port lines).
   */
  private static boolean isDpctlPort(List<String> head, String l) {
    int i = head.indexOf(l);
    return DPCTL_PORT.matcher(l).matches()
        && i + 1 < head.size()
        && (DPCTL_COUNTERS.matcher(head.get(i + 1)).matches()
            || DPCTL_PORT.matcher(head.get(i + 1)).matches());
  }

  // the health outputs of #23, before the datapath rule: upcall/show opens with system@ovs-system:
  // as dpctl/show does
  private static Optional<Spec> health(String l) {
    if (UPCALL_FLOWS.matcher(l).matches()) {
      return Optional.of(Spec.OVS_APPCTL_UPCALL_SHOW);
    }
    if (l.startsWith("Event coverage, avg rate") || COVERAGE_EVENT.matcher(l).matches()) {
      return Optional.of(Spec.OVS_APPCTL_COVERAGE_SHOW);
    }
    if (l.startsWith("Statistics for bridge \"")
        || l.trim().startsWith("Current/maximum MAC entries in the table")) {
      return Optional.of(Spec.OVS_APPCTL_FDB_STATS_SHOW);
    }
    if (VSCTL_STATISTICS.matcher(l).matches()) {
      return Optional.of(Spec.OVS_VSCTL_LIST_INTERFACE);
    }
    if (l.startsWith("Inter-|") || l.matches("^\\s*face \\|bytes.*")) {
      return Optional.of(Spec.PROC_NET_DEV);
    }
    if (l.equals("NIC statistics:")) {
      return Optional.of(Spec.ETHTOOL_S);
    }
    // the header of ovs-appctl tnl/ports/show, printed even when nothing listens
    if (l.equals("Listening ports:")) {
      return Optional.of(Spec.OVS_APPCTL_TNL_PORTS_SHOW);
    }
    return Optional.empty();
  }

  private static Optional<Spec> byLine(List<String> head) {
    // a file of one clock reading (date --utc prints the same text: known by name only)
    if (head.size() == 1 && DATE.matcher(head.get(0).trim()).matches()) {
      return Optional.of(Spec.DATE);
    }
    for (String l : head) {
      Optional<Spec> h = health(l);
      if (h.isPresent()) {
        return h;
      }
    }
    int ip = 0;
    int inet = 0;
    for (String l : head) {
      if (l.startsWith("OFPT_FEATURES_REPLY")
          || l.startsWith("OFPST_PORT_DESC")
          || OFCTL_PORT.matcher(l).matches()) {
        return Optional.of(Spec.OVS_OFCTL_SHOW);
      }
      if (VSWITCHD_LOG.matcher(l).matches()) {
        return Optional.of(Spec.OVS_VSWITCHD_LOG);
      }
      if (OVSDB_LOG.matcher(l).matches()) {
        return Optional.of(Spec.OVSDB_SERVER_LOG);
      }
      if (NEUTRON_LOG.matcher(l).matches()) {
        return Optional.of(Spec.NEUTRON_AGENT_LOG);
      }
      if (l.startsWith("OFPST_PORT reply")) {
        return Optional.of(Spec.OVS_OFCTL_DUMP_PORTS);
      }
      // OFPST_GROUP_DESC reply (OF1.3) (xid=0x2): ; " group_id=1,type=all,bucket=..."
      if (l.startsWith("OFPST_GROUP_DESC")
          || l.startsWith("NXST_GROUP_DESC")
          || l.trim().matches("group_id=\\d+,type=\\w+,.*")) {
        return Optional.of(Spec.OVS_OFCTL_DUMP_GROUPS);
      }
      if (l.startsWith("NXST_FLOW") || l.startsWith("OFPST_FLOW") || FLOW.matcher(l).matches()) {
        return Optional.of(Spec.OVS_OFCTL_DUMP_FLOWS);
      }
      if (FDB_HEADER.matcher(l).matches() || FDB_ROW.matcher(l).matches()) {
        return Optional.of(Spec.OVS_APPCTL_FDB_SHOW);
      }
      if (BRCTL.matcher(l).matches()) {
        return Optional.of(Spec.BRCTL_SHOW);
      }
      if (DPCTL.matcher(l).matches()
          || DPCTL_LOOKUPS.matcher(l).matches()
          || isDpctlPort(head, l)) {
        return Optional.of(Spec.OVS_DPCTL_SHOW);
      }
      if (LIST_TUNNELS.matcher(l).matches()) {
        return Optional.of(Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS);
      }
      if (TCPDUMP.matcher(l).matches()
          || l.startsWith("listening on ")
          || l.startsWith("tcpdump: verbose output")) {
        return Optional.of(Spec.TCPDUMP_TEXT);
      }
      // Flow: icmp,in_port=1,...: the opening line of ovs-appctl ofproto/trace
      if (l.startsWith("Flow: ") && l.contains("in_port=")) {
        return Optional.of(Spec.OVS_APPCTL_OFPROTO_TRACE);
      }
      if (l.startsWith("# Generated by iptables-save")
          || l.startsWith("# Generated by ip6tables-save")) {
        return Optional.of(Spec.IPTABLES_SAVE);
      }
      if (l.startsWith("Chain ") && (l.contains("(policy ") || l.contains(" references)"))) {
        return Optional.of(Spec.IPTABLES_LIST);
      }
      // Bridge table: filter, the first line of ebtables -L
      if (l.startsWith("Bridge table: ")) {
        return Optional.of(Spec.EBTABLES_LIST);
      }
      if (l.matches("table (ip|ip6|inet|arp|bridge|netdev) \\S+ \\{")) {
        return Optional.of(Spec.NFT_LIST_RULESET);
      }
      // <domain type='kvm'>, <domstatus state='running' ...> (libvirt's live status file), or a cut
      // of <interface> elements; a prolog or libvirt's "AUTO-GENERATED" comment may come first
      if (l.trim().startsWith("<domain")
          || l.trim().startsWith("<domstatus")
          || l.trim().startsWith("<interface")) {
        return Optional.of(Spec.VIRSH_DUMPXML);
      }
      if (BRIDGE_LINK.matcher(l).matches() && !l.contains(" qdisc ")) {
        return Optional.of(Spec.BRIDGE_LINK_SHOW);
      }
      if (DHCP_HOST.matcher(l).matches()) {
        return Optional.of(Spec.NEUTRON_DHCP_HOST);
      }
      if (BRIDGE_FDB.matcher(l).matches()) {
        return Optional.of(Spec.BRIDGE_FDB_SHOW);
      }
      if (VIRSH_ROW.matcher(l).matches()
          || VIRSH_HEADER.matcher(l).matches()
              && head.size() > 1
              && head.get(1).trim().matches("-{3,}")) {
        return Optional.of(Spec.VIRSH_LIST);
      }
      if (IP_ROUTE.matcher(l).matches()) {
        return Optional.of(Spec.IP_ROUTE);
      }
      if (IP_NEIGH.matcher(l).matches()) {
        return Optional.of(Spec.IP_NEIGH);
      }
      if (IP_RULE.matcher(l).matches()) {
        return Optional.of(Spec.IP_RULE);
      }
      ip += IP_HEADER.matcher(l).matches() ? 1 : 0;
      inet += IP_INET.matcher(l).matches() ? 1 : 0;
    }
    if (ip > 0) {
      return Optional.of(inet > 0 ? Spec.IP_ADDR : Spec.IP_LINK);
    }
    long vsctl = head.stream().filter(l -> VSCTL.matcher(l).matches()).count();
    return vsctl >= 2 ? Optional.of(Spec.OVS_VSCTL_SHOW) : Optional.empty();
  }
}
