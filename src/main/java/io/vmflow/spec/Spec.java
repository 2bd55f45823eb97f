package io.vmflow.spec;

import java.util.Locale;

/**
 * Every command output vmflow understands: an abstract name, the command line that produces it, and
 * whether it is run once per object (bridge, VM, port). {@link #id()} names fixtures folders,
 * report anchors and log lines.
 */
public enum Spec {
  // controller side: nova / neutron / openstack / FusionSphere cps
  NOVA_LIST("nova list"),
  NOVA_SHOW("nova show %s", Scope.PER_OBJECT),
  NOVA_INTERFACE_LIST("nova interface-list %s", Scope.PER_OBJECT),
  NEUTRON_PORT_SHOW("neutron port-show %s", Scope.PER_OBJECT),
  NEUTRON_PORT_LIST("neutron port-list"),
  NEUTRON_NET_LIST("neutron net-list"),
  NEUTRON_SUBNET_LIST("neutron subnet-list"),
  NEUTRON_ROUTER_LIST("neutron router-list"),
  NEUTRON_ROUTER_SHOW("neutron router-show %s", Scope.PER_OBJECT),
  OPENSTACK_SERVER_LIST("openstack server list"),
  OPENSTACK_SERVER_SHOW("openstack server show %s", Scope.PER_OBJECT),
  OPENSTACK_PORT_LIST("openstack port list"),
  OPENSTACK_PORT_SHOW("openstack port show %s", Scope.PER_OBJECT),
  OPENSTACK_NETWORK_LIST("openstack network list"),
  OPENSTACK_NETWORK_SHOW("openstack network show %s", Scope.PER_OBJECT),
  OPENSTACK_SUBNET_LIST("openstack subnet list"),
  OPENSTACK_ROUTER_LIST("openstack router list"),
  OPENSTACK_ROUTER_SHOW("openstack router show %s", Scope.PER_OBJECT),
  CPS_HOST_LIST("cps host-list"),

  // host side: Linux
  HOSTNAME("hostname"),
  BRCTL_SHOW("brctl show"),
  BRIDGE_LINK_SHOW("bridge -d link show"),
  BRIDGE_FDB_SHOW("bridge fdb show"),
  IP_LINK("ip -d link show"),
  IP_ADDR("ip addr show"),

  // host side: Open vSwitch
  OVS_VSCTL_SHOW("ovs-vsctl show"),
  OVS_OFCTL_SHOW("ovs-ofctl show %s", Scope.PER_OBJECT),
  OVS_OFCTL_DUMP_FLOWS("ovs-ofctl dump-flows %s", Scope.PER_OBJECT),
  OVS_APPCTL_FDB_SHOW("ovs-appctl fdb/show %s", Scope.PER_OBJECT),
  OVS_DPCTL_SHOW("ovs-dpctl show"),
  OVS_APPCTL_OFPROTO_LIST_TUNNELS("ovs-appctl ofproto/list-tunnels"),
  OVS_APPCTL_OFPROTO_TRACE("ovs-appctl ofproto/trace %s", Scope.PER_OBJECT),

  // host side: packet filters (ip6tables prints the same formats)
  IPTABLES_SAVE("iptables-save -c"),
  IPTABLES_LIST("iptables -vnxL"),
  NFT_LIST_RULESET("nft list ruleset"),

  // host side: libvirt
  VIRSH_LIST("virsh list --all"),
  VIRSH_DUMPXML("virsh dumpxml %s", Scope.PER_OBJECT),

  // captures in text form
  TCPDUMP_TEXT("tcpdump -nne");

  /** Whether the command runs once per host or once per object named in the command line. */
  public enum Scope {
    PER_HOST,
    PER_OBJECT
  }

  private final String command;
  private final Scope scope;

  Spec(String command) {
    this(command, Scope.PER_HOST);
  }

  Spec(String command, Scope scope) {
    this.command = command;
    this.scope = scope;
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
