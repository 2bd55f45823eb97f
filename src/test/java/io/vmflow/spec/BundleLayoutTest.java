package io.vmflow.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sos output names map to their spec and subject. Names are the ones sos writes: its plugins'
 * command lines through {@code _mangle_command} (shared/realdata/sos-layout: the virsh plugin runs
 * {@code virsh -r list --all}; insights-core's sos_archive spec reads {@code
 * sos_commands/virsh/virsh_-r_list_--all}), and the files of the real hotsos-openstack tree.
 */
class BundleLayoutTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "sos_commands/virsh/virsh_-r_list_--all; VIRSH_LIST; ''",
        "sos_commands/virsh/virsh_list_--all; VIRSH_LIST; ''",
        "sos_commands/virsh/virsh_list; VIRSH_LIST; ''",
        "sos_commands/virsh/virsh_-r_dumpxml_instance-00000026; VIRSH_DUMPXML; instance-00000026",
        "sos_commands/virsh/virsh_dumpxml_instance-00000026; VIRSH_DUMPXML; instance-00000026",
        "sosreport-compute4/sos_commands/openvswitch/ovs-vsctl_-t_5_show; OVS_VSCTL_SHOW; ''",
        "sos_commands/openvswitch/ovs-ofctl_-O_OpenFlow13_dump-flows_br-tun; OVS_OFCTL_DUMP_FLOWS; br-tun",
        "sos_commands/openvswitch/ovs-ofctl_-O_OpenFlow10_dump-ports-desc_br-int; OVS_OFCTL_SHOW; br-int",
        "sos_commands/openvswitch/ovs-ofctl_dump-ports_br-int; OVS_OFCTL_DUMP_PORTS; br-int",
        "sos_commands/openvswitch/ovs-ofctl_-O_OpenFlow13_dump-ports_br-tun; OVS_OFCTL_DUMP_PORTS; br-tun",
        "sos_commands/openvswitch/ovs-appctl_fdb.show_br-data; OVS_APPCTL_FDB_SHOW; br-data",
        "sos_commands/openvswitch/ovs-appctl_fdb.stats-show_br-ex; OVS_APPCTL_FDB_STATS_SHOW; br-ex",
        "sos_commands/openvswitch/ovs-appctl_upcall.show; OVS_APPCTL_UPCALL_SHOW; ''",
        "sos_commands/openvswitch/ovs-appctl_coverage.show; OVS_APPCTL_COVERAGE_SHOW; ''",
        "sos_commands/openvswitch/ovs-vsctl_-t_5_list_interface; OVS_VSCTL_LIST_INTERFACE; ''",
        "sosreport-x/sos_commands/networking/ethtool_-S_ens3; ETHTOOL_S; ens3",
        "sosreport-x/proc/net/dev; PROC_NET_DEV; ''",
        "vmflow-h-1Z/sos_commands/networking/cat_.proc.net.dev; PROC_NET_DEV; ''",
        "sos_commands/openvswitch/ovs-appctl_dpctl.show_-s_system_ovs-system; OVS_DPCTL_SHOW; ''",
        "sos_commands/openvswitch/ovs-dpctl_show_-s; OVS_DPCTL_SHOW; ''",
        "sos_commands/networking/ip_-s_-d_link; IP_LINK; ''",
        "sos_commands/networking/bridge_-s_-s_-d_link_show; BRIDGE_LINK_SHOW; ''",
        "sosreport-net1/var/lib/neutron/dhcp/6ee86f5e-5d22-4c00-a2cd-6622ec856e17/host;"
            + " NEUTRON_DHCP_HOST; 6ee86f5e-5d22-4c00-a2cd-6622ec856e17",
        "vmflow-n-1Z/sos_commands/neutron/cat_.var.lib.neutron.dhcp.6ee86f5e-5d22-4c00-a2cd-6622ec856e17.host;"
            + " NEUTRON_DHCP_HOST; 6ee86f5e-5d22-4c00-a2cd-6622ec856e17",
        "sos_commands/neutron/neutron_floatingip-list; NEUTRON_FLOATINGIP_LIST; ''",
        "sos_commands/openstack/openstack_floating_ip_list_--long; OPENSTACK_FLOATING_IP_LIST; ''",
        "sos_commands/neutron/neutron_net-show_37aaff3a-6047-45ac-bf4f-a825e56fd2b3;"
            + " NEUTRON_NET_SHOW; 37aaff3a-6047-45ac-bf4f-a825e56fd2b3"
      })
  void sosNameMapsToSpecAndSubject(String path, Spec spec, String subject) {
    assertThat(BundleLayout.match(path)).contains(new BundleLayout.Match(spec, subject));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the virsh plugin's other lists and per-object XML are not the domain list or a domain's
        // XML
        "sos_commands/virsh/virsh_-r_net-list",
        "sos_commands/virsh/virsh_-r_net-dumpxml_default",
        "sos_commands/virsh/virsh_-r_nwfilter-dumpxml_clean-traffic",
        "sos_commands/virsh/virsh_-r_dominfo_instance-00000026",
        "sos_commands/openvswitch/ovs-vsctl_get_Interface_vxlan-0a000072_options"
      })
  void otherSosOutputsMatchNoSpec(String path) {
    assertThat(BundleLayout.match(path)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "sos_commands/host/uptime",
        "vmflow-h-1Z/sos_commands/openvswitch/ovs-vsctl_--version"
      })
  void contextOutputsAreKnownWithoutASpec(String path) {
    assertThat(BundleLayout.match(path)).isEmpty();
    assertThat(BundleLayout.isContext(path)).isTrue();
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"sos_commands/openvswitch/ovs-ofctl_dump-flows_br-int", "notes.txt", "date.txt"})
  void analysedOrUnknownOutputsAreNotContext(String path) {
    assertThat(BundleLayout.isContext(path)).isFalse();
  }

  @Test
  void theClockReadingsAreDateAndDateUtc() {
    assertThat(
            BundleLayout.match("sosreport-x/sos_commands/date/date").map(BundleLayout.Match::spec))
        .contains(io.vmflow.spec.Spec.DATE);
    assertThat(
            BundleLayout.match("sosreport-x/sos_commands/general/date")
                .map(BundleLayout.Match::spec))
        .contains(io.vmflow.spec.Spec.DATE);
    assertThat(
            BundleLayout.match("vmflow-h-1Z/sos_commands/date/date_--utc")
                .map(BundleLayout.Match::spec))
        .contains(io.vmflow.spec.Spec.DATE_UTC);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        // a process's namespace, not the host's devices
        "sosreport-x/proc/96008/net/dev",
        // ethtool inside a router namespace, and ethtool's other statistics
        "sos_commands/networking/ip_netns_exec_qrouter-98_ethtool_-S_qr-3a70b31c-3f",
        "sos_commands/networking/ethtool_--phy-statistics_ens3"
      })
  void healthLookAlikesAreNotMatched(String path) {
    assertThat(BundleLayout.match(path)).isEmpty();
  }
}
