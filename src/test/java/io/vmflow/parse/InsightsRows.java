package io.vmflow.parse;

import static io.vmflow.parse.PeerCorpusTest.clean;
import static io.vmflow.parse.PeerCorpusTest.codes;
import static io.vmflow.parse.PeerCorpusTest.mac;
import static io.vmflow.parse.PeerCorpusTest.row;
import static io.vmflow.parse.PeerCorpusTest.rowAt;
import static io.vmflow.parse.PeerCorpusTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.parse.PeerCorpusTest.Row;
import io.vmflow.spec.Spec;
import java.util.List;

/**
 * insights-core's parser tests (insights/tests/parsers/test_*.py): each sample with the values its
 * test asserts. Files are under peers/insights-core/test_&lt;module&gt;/&lt;VARIABLE&gt;.txt.
 */
final class InsightsRows {

  private static final String D = "insights-core/";

  private InsightsRows() {}

  static List<Row> rows() {
    return List.of(
        // test_brctl_show.py: group_by_iface
        row(
            D + "test_brctl_show/BRCTL_SHOW.txt",
            Spec.BRCTL_SHOW,
            p -> {
              clean(p);
              BrctlShow b = value(p, BrctlShow.class);
              assertThat(b.bridges()).hasSize(4);
              assertThat(b.bridge("br0").orElseThrow().id()).isEqualTo("8000.08002731ddfd");
              assertThat(b.bridge("br0").orElseThrow().interfaces())
                  .containsExactly("eth1", "eth2", "eth3");
              assertThat(b.bridge("br1").orElseThrow().interfaces())
                  .containsExactly("eth4", "eth5");
              assertThat(b.bridge("br2").orElseThrow().stp()).isTrue();
              assertThat(b.bridge("br2").orElseThrow().interfaces()).containsExactly("eth6");
              assertThat(b.bridge("docker0").orElseThrow().interfaces()).isEmpty();
            }),
        row(
            D + "test_brctl_show/BRCTL_SHOW_TAB.txt",
            Spec.BRCTL_SHOW,
            p -> {
              clean(p);
              BrctlShow b = value(p, BrctlShow.class);
              assertThat(b.bridge("br0").orElseThrow().id()).isEqualTo("8000.2047478aa2e8");
              assertThat(b.bridge("br0").orElseThrow().stp()).isFalse();
              assertThat(b.bridge("br0").orElseThrow().interfaces())
                  .containsExactly("em1", "vnet0", "vnet1");
              assertThat(b.bridge("virbr9").orElseThrow().interfaces())
                  .containsExactly("virbr9-nic");
            }),
        // insights: a header and no bridge is "no bridges" (no exception); vmflow: no bridges
        row(
            D + "test_brctl_show/BRCTL_SHOW_NO_BRIDGES.txt",
            Spec.BRCTL_SHOW,
            p -> {
              clean(p);
              assertThat(value(p, BrctlShow.class).bridges()).isEmpty();
            }),
        // insights raises "Invalid Data Found" for the next three: vmflow gives no bridge and a
        // finding (BRCTL_SHOW_ERROR and _TIMEOUT are recognised by their own words only when named
        // brctl_show, as a sos would name them; by content they are not brctl output at all)
        new Row(
            D + "test_brctl_show/BRCTL_SHOW_LESS_COLUMN.txt",
            "insights_commands/brctl_show",
            Spec.BRCTL_SHOW,
            p -> {
              assertThat(p.value().map(v -> ((BrctlShow) v).bridges()).orElse(List.of())).isEmpty();
              assertThat(codes(p)).isNotEmpty();
            },
            "vmflow reads the cut header as no bridges, with a finding, instead of raising"),
        rowAt(
            D + "test_brctl_show/BRCTL_SHOW_ERROR.txt",
            "insights_commands/brctl_show",
            Spec.BRCTL_SHOW,
            InsightsRows::rejected),
        rowAt(
            D + "test_brctl_show/BRCTL_SHOW_TIMEOUT.txt",
            "insights_commands/brctl_show",
            Spec.BRCTL_SHOW,
            InsightsRows::rejected),
        // test_hostname.py: a bare name says nothing by content; insights' spec output names it
        rowAt(
            D + "test_hostname/HOSTNAME_FULL.txt",
            "insights_commands/hostname",
            Spec.HOSTNAME,
            p -> {
              clean(p);
              assertThat(value(p, Hostname.class).name()).isEqualTo("rhel7.example.com");
            }),
        rowAt(
            D + "test_hostname/HOSTNAME_SHORT.txt",
            "insights_commands/hostname",
            Spec.HOSTNAME,
            p -> assertThat(value(p, Hostname.class).name()).isEqualTo("rhel7")),
        rowAt(
            D + "test_hostname/HOSTNAME_FULL_MULTILINE.txt",
            "insights_commands/hostname",
            Spec.HOSTNAME,
            p -> assertThat(value(p, Hostname.class).name()).isEqualTo("rhel7.example.com")),
        rowAt(
            D + "test_hostname/HOSTNAME_SHORT_MULTILINE.txt",
            "insights_commands/hostname",
            Spec.HOSTNAME,
            p -> assertThat(value(p, Hostname.class).name()).isEqualTo("rhel7")),
        // test_ip.py: IpAddr
        row(
            D + "test_ip/IP_ADDR_TEST.txt",
            Spec.IP_ADDR,
            InsightsRows::ipAddrTest,
            "insights' addrs() of a point-to-point address is the peer (172.30.0.2); vmflow keeps"
                + " the device's own address in addresses and the peer in pointToPoint; 'active'"
                + " is the UP flag for insights, vmflow's isUp() also needs state not DOWN (eth7:"
                + " NO-CARRIER, state DOWN); the three 'Message truncated' lines are findings"),
        // test_ip.py: IpLinkInfo (ip -s -d link); counters and qlen are not kept by vmflow
        row(
            D + "test_ip/IP_S_LINK.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              IpLink l = value(p, IpLink.class);
              assertThat(l.devices())
                  .extracting(IpLink.LinkDevice::name)
                  .containsExactly("enp0s3", "lo", "enp0s8", "enp0s9", "tm0");
              IpLink.LinkDevice lo = l.device("lo").orElseThrow();
              assertThat(lo.mac()).contains(mac("00:00:00:00:00:00"));
              assertThat(lo.flags()).containsExactly("LOOPBACK", "UP", "LOWER_UP");
              assertThat(lo.mtu()).isEqualTo(65536);
              assertThat(lo.index()).isEqualTo(2);
              IpLink.LinkDevice enp0s3 = l.device("enp0s3").orElseThrow();
              assertThat(enp0s3.mac()).contains(mac("08:00:27:4a:c5:ef"));
              assertThat(enp0s3.index()).isEqualTo(1);
              IpLink.LinkDevice tm0 = l.device("tm0").orElseThrow();
              assertThat(tm0.mac()).contains(mac("d4:f5:ef:01:1a:3c"));
              assertThat(tm0.master()).isEqualTo("br0");
              assertThat(l.devices()).allMatch(IpLink.LinkDevice::isUp);
            },
            "rx/tx packet counters, qlen, promiscuity and link type are not kept"),
        row(
            D + "test_ip/IP_S_LINK_ALL.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              IpLink l = value(p, IpLink.class);
              IpLink.LinkDevice e = l.device("enp0s25").orElseThrow();
              assertThat(e.mac()).contains(mac("1c:75:08:a5:7e:25"));
              assertThat(e.flags()).containsExactly("BROADCAST", "MULTICAST", "UP", "LOWER_UP");
              assertThat(e.mtu()).isEqualTo(1500);
              assertThat(e.index()).isEqualTo(2);
              assertThat(l.devices().stream().filter(IpLink.LinkDevice::isUp).map(d -> d.name()))
                  .contains("ppp0", "lo", "tun0", "enp0s25", "vnet0", "virbr0");
            }),
        row(
            D + "test_ip/IP_S_LINK_ALL_2.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              IpLink l = value(p, IpLink.class);
              assertThat(l.device("vxlan_sys_4789").orElseThrow().kind()).isEqualTo("vxlan");
              assertThat(l.device("ovs-system").orElseThrow().kind()).isEqualTo("openvswitch");
              assertThat(l.device("eno1").orElseThrow().master()).isEqualTo("ovs-system");
            },
            "insights lists ovs-system and br-ex as active (UP flag); their state is DOWN, so"
                + " vmflow's isUp() is false"),
        row(
            D + "test_ip/IP_S_LINK_ALL_3.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              IpLink l = value(p, IpLink.class);
              assertThat(l.device("eth0_1").orElseThrow().mac()).contains(mac("00:90:fa:8d:36:1e"));
              assertThat(l.device("geneve0").orElseThrow().kind()).isEqualTo("geneve");
              assertThat(l.device("gre1").orElseThrow().tunnel())
                  .contains(new IpLink.TunnelEnds("gre", "10.211.47.217", "172.168.10.25"));
              assertThat(l.devices().stream().filter(IpLink.LinkDevice::isUp).map(d -> d.name()))
                  .containsExactlyInAnyOrder(
                      "lo", "eth0_1", "eth0_2", "vxlan_sys_4789", "gre1", "geneve0", "geneve1");
            }),
        row(
            D + "test_ip/IP_S_LINK_ALL_4.txt",
            Spec.IP_LINK,
            p -> {
              IpLink l = value(p, IpLink.class);
              assertThat(l.device("ens1f0").orElseThrow().master()).isEqualTo("bond1");
              assertThat(l.device("ens1f1").orElseThrow().isUp()).isTrue();
              assertThat(l.device("ens1f1v64").orElseThrow().isUp()).isFalse();
              // the sample's line 16 is a wrapped continuation ("umrxqueues 112 ...") at column 0
              assertThat(p.findings())
                  .extracting(f -> f.code() + " " + f.line())
                  .containsExactly("PARSE_UNRECOGNISED_LINE 16");
            },
            "VF counters and vf_enabled are not kept; the line wrapped to column 0 is a finding"),
        row(
            D + "test_ip/IP_S_LINK_ALL_5.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              assertThat(value(p, IpLink.class).device("ens1").orElseThrow().master())
                  .isEqualTo("bond1");
            }),
        row(
            D + "test_ip/IP_D_S_LINK_BOND_1.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              IpLink l = value(p, IpLink.class);
              assertThat(l.device("enp1s0").orElseThrow().master()).isEqualTo("bond0");
              assertThat(l.device("bond0").orElseThrow().kind()).isEqualTo("bond");
            },
            "bond and bond-slave options are not kept"),
        row(
            D + "test_ip/IP_D_S_LINK_MALFORMED_BOND_SLAVE.txt",
            Spec.IP_LINK,
            p -> {
              clean(p);
              IpLink.LinkDevice d = value(p, IpLink.class).device("enp2s0").orElseThrow();
              assertThat(d.mac()).contains(mac("52:54:00:36:37:eb"));
              assertThat(d.master()).isEqualTo("bond0");
            }),
        // test_ovs_appctl_fdb_show_bridge.py: the test gives the sos path, which names the bridge
        rowAt(
            D + "test_ovs_appctl_fdb_show_bridge/FDB_SHOW_BR_INT.txt",
            "insights_commands/ovs-appctl_fdb.show_br-int",
            Spec.OVS_APPCTL_FDB_SHOW,
            p -> {
              OvsAppctlFdbShow f = value(p, OvsAppctlFdbShow.class);
              assertThat(f.bridge()).isEqualTo("br-int");
              // aa:bb:cc:dd:ee:ff is a MAC; gg:hh:ii:..., mm:nn:... and dd:ee:ff:gg:... are not
              assertThat(f.entries())
                  .extracting(e -> e.port() + " " + e.vlan() + " " + e.age())
                  .containsExactly("6 29 270");
              assertThat(codes(p)).hasSize(3);
            },
            "insights keeps the sample's 4 rows; 3 of them hold letters beyond f, which vmflow"
                + " rejects as MACs (a finding each)"),
        rowAt(
            D + "test_ovs_appctl_fdb_show_bridge/FDB_SHOW_BR_TUN.txt",
            "insights_commands/ovs-appctl_fdb.show_br-tun",
            Spec.OVS_APPCTL_FDB_SHOW,
            p -> {
              OvsAppctlFdbShow f = value(p, OvsAppctlFdbShow.class);
              assertThat(f.bridge()).isEqualTo("br-tun");
              assertThat(f.entries())
                  .extracting(e -> e.port() + " " + e.vlan() + " " + e.mac().value())
                  .containsExactly("7 29 aa:bb:cc:dd:ee:ff");
            }),
        // insights: "No data present for br_tun" (SkipComponent); vmflow: a table without rows
        rowAt(
            D + "test_ovs_appctl_fdb_show_bridge/EXCEPTION2.txt",
            "insights_commands/ovs-appctl_fdb.show_br-tun",
            Spec.OVS_APPCTL_FDB_SHOW,
            p -> assertThat(value(p, OvsAppctlFdbShow.class).entries()).isEmpty()),
        // test_ovs_ofctl_dump_flows.py
        rowAt(
            D + "test_ovs_ofctl_dump_flows/OVS_FLOW_DUMPS.txt",
            "insights_commands/ovs-ofctl_dump-flows_br0",
            Spec.OVS_OFCTL_DUMP_FLOWS,
            p -> {
              clean(p);
              OvsOfctlDumpFlows f = value(p, OvsOfctlDumpFlows.class);
              assertThat(f.bridge()).isEqualTo("br0");
              assertThat(f.flows()).hasSize(8);
            }),
        rowAt(
            D + "test_ovs_ofctl_dump_flows/OVS_FLOW_DUMPS_1.txt",
            "insights_commands/ovs-ofctl_dump-flows_br-int",
            Spec.OVS_OFCTL_DUMP_FLOWS,
            p -> {
              clean(p);
              OvsOfctlDumpFlows f = value(p, OvsOfctlDumpFlows.class);
              assertThat(f.bridge()).isEqualTo("br-int");
              OvsOfctlDumpFlows.Flow flow = f.flows().get(0);
              assertThat(flow.cookie()).isEqualTo("0x0");
              assertThat(flow.table()).isZero();
              assertThat(flow.packets()).isEqualTo(2);
              assertThat(flow.bytes()).isEqualTo(196);
              assertThat(flow.priority()).isEqualTo(65535);
              assertThat(flow.durationSeconds()).isEqualTo(4.602);
              assertThat(flow.get("in_port")).isEqualTo("\"s1-eth1\"");
              assertThat(flow.get("dl_src")).isEqualTo("d6:fc:9c:e7:a2:f9");
              assertThat(flow.get("nw_dst")).isEqualTo("10.0.0.3");
              assertThat(flow.get("icmp_code")).isEqualTo("0");
              assertThat(flow.actions()).containsExactly("output:\"s1-eth3\"");
            },
            "insights leaves the actions inside icmp_code's value ('0 actions=output:...');"
                + " vmflow splits them"),
        row(
            D + "test_ovs_ofctl_dump_flows/OVS_FLOW_DUMPS_2.txt",
            Spec.OVS_OFCTL_DUMP_FLOWS,
            p -> {
              clean(p);
              OvsOfctlDumpFlows.Flow flow = value(p, OvsOfctlDumpFlows.class).flows().get(0);
              assertThat(flow.cookie()).isEqualTo("0x1");
              assertThat(flow.table()).isEqualTo(10);
              assertThat(flow.packets()).isEqualTo(12);
              assertThat(flow.get("vlan_tci")).isEqualTo("0x1000");
            }),
        // insights: "Invalid Content!"; named as the sos names it, vmflow flags the line
        rowAt(
            D + "test_ovs_ofctl_dump_flows/OVS_FLOW_DUMPS_NO_2.txt",
            "insights_commands/ovs-ofctl_dump-flows_br-int",
            Spec.OVS_OFCTL_DUMP_FLOWS,
            InsightsRows::rejected),
        // test_ovs_vsctl_show.py
        row(
            D + "test_ovs_vsctl_show/ovs_vsctl_show_output.txt",
            Spec.OVS_VSCTL_SHOW,
            p -> {
              clean(p);
              OvsVsctlShow s = value(p, OvsVsctlShow.class);
              assertThat(s.ovsVersion()).isEqualTo("2.3.2");
              assertThat(s.bridge("br-int").orElseThrow().failMode()).isEqualTo("secure");
              OvsVsctlShow.OvsBridge tun = s.bridge("br-tun").orElseThrow();
              assertThat(tun.failMode()).isEqualTo("secure");
              assertThat(tun.ports()).hasSize(6);
              OvsVsctlShow.OvsInterface first = tun.ports().get(0).interfaces().get(0);
              assertThat(first.name()).isEqualTo("vxlan-aca80118");
              assertThat(first.type()).isEqualTo("vxlan");
              assertThat(first.options())
                  .containsEntry("df_default", "true")
                  .containsEntry("local_ip", "172.168.1.26")
                  .containsEntry("out_key", "flow");
              assertThat(first.remoteIp()).isEqualTo("172.168.1.24");
            }),
        // insights: no data; vmflow: the bridge line it has, without ports
        row(
            D + "test_ovs_vsctl_show/ovs_vsctl_show_missing_lines.txt",
            Spec.OVS_VSCTL_SHOW,
            p -> {
              OvsVsctlShow s = value(p, OvsVsctlShow.class);
              assertThat(s.bridge("br-ex").orElseThrow().ports()).isEmpty();
            },
            "insights drops the cut output; vmflow keeps the bridge it names"),
        // test_qemu_xml.py: vm_name (and the uuid, which vmflow needs too)
        row(
            D + "test_qemu_xml/XML_NUMA.txt",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              LibvirtDomain d = value(p, LibvirtDomain.class);
              assertThat(d.name()).isEqualTo("05-s00c06h0");
              assertThat(d.uuid()).isEqualTo("02cf0bba-2bd6-11e7-8337-e4115b9a50d0");
              // hostdev interfaces; 'aa:ss:bb:cc:dd:ee' is no MAC
              assertThat(d.interfaces())
                  .extracting(i -> i.type() + " " + i.mac().map(Object::toString).orElse("-"))
                  .containsExactly("hostdev -", "hostdev bb:55:77:11:00:00");
            }),
        row(
            D + "test_qemu_xml/XML_NUMA_NO_NAME.txt",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              LibvirtDomain d = value(p, LibvirtDomain.class);
              assertThat(d.name()).isEmpty();
              assertThat(d.uuid()).isEqualTo("02cf0bba-2bd6-11e7-8337-e4115b9a50d0");
            }),
        row(
            D + "test_qemu_xml/RHEL_7_4_XML.txt",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              LibvirtDomain d = value(p, LibvirtDomain.class);
              assertThat(d.name()).isEqualTo("rhel7.4");
              assertThat(d.uuid()).isEqualTo("b75610eb-06a0-4834-8286-e3d25d79c593");
              assertThat(d.interfaces())
                  .extracting(LibvirtDomain.DomainInterface::type)
                  .containsExactly("network");
            }),
        // /var/run/libvirt/qemu/*.xml: <domstatus> wraps the domain
        rowAt(
            D + "test_qemu_xml/XML_IDM_CLIENT.txt",
            "var/run/libvirt/qemu/test-idm-client-ccveu-net.xml",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              LibvirtDomain d = value(p, LibvirtDomain.class);
              assertThat(d.name()).isEqualTo("test-idm-client-ccveu-net");
              assertThat(d.uuid()).isEqualTo("78177d07-ac0e-4057-b1de-9ccd66cbc3d7");
              LibvirtDomain.DomainInterface i = d.interfaces().get(0);
              assertThat(i.mac()).contains(mac("00:1a:4a:16:03:72"));
              assertThat(i.sourceBridge()).isEqualTo("vlan2593");
            }),
        // a status file whose domain has no <name>: the uuid still identifies it
        row(
            D + "test_qemu_xml/XML_IDM_CLIENT_NO_NAME.txt",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              LibvirtDomain d = value(p, LibvirtDomain.class);
              assertThat(d.name()).isEmpty();
              assertThat(d.uuid()).isEqualTo("78177d07-ac0e-4057-b1de-9ccd66cbc3d7");
            },
            "insights' vm_name is None; vmflow names the domain after the file's subject, here"
                + " none"),
        row(
            D + "test_qemu_xml/XML_RHOSP.txt",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              LibvirtDomain d = value(p, LibvirtDomain.class);
              assertThat(d.name()).isEqualTo("instance-000008d6");
              assertThat(d.interfaces().get(0).sourceBridge()).isEqualTo("qbrf975e53f-e0");
            }),
        row(
            D + "test_qemu_xml/XML_RHOSP_2.txt",
            Spec.VIRSH_DUMPXML,
            p -> {
              clean(p);
              assertThat(value(p, LibvirtDomain.class).name()).isEqualTo("instance-000008d7");
            }),
        // test_virsh_list_all.py
        row(
            D + "test_virsh_list_all/OUTPUT.txt",
            Spec.VIRSH_LIST,
            p -> {
              clean(p);
              VirshList v = value(p, VirshList.class);
              assertThat(v.domains()).hasSize(13);
              assertThat(v.domains().stream().filter(d -> d.state().equals("shut off")))
                  .hasSize(11);
              assertThat(v.domains().stream().filter(d -> d.id().isEmpty())).hasSize(11);
              assertThat(v.domain("rhel7.4").orElseThrow().id()).contains(2);
              assertThat(v.domain("rhel7.4").orElseThrow().state()).isEqualTo("running");
              assertThat(v.domain("rhel7.0").orElseThrow().state()).isEqualTo("paused");
              assertThat(v.domain("rhel9.0")).isEmpty();
              assertThat(v.domain("cfme")).isEmpty();
              assertThat(v.domain("RHOSP10").orElseThrow().state()).isEqualTo("shut off");
            }),
        row(
            D + "test_virsh_list_all/NO_RESULT.txt",
            Spec.VIRSH_LIST,
            p -> {
              clean(p);
              assertThat(value(p, VirshList.class).domains()).isEmpty();
            }),
        rowAt(
            D + "test_virsh_list_all/ERROR.txt",
            "insights_commands/virsh_--readonly_list_--all",
            Spec.VIRSH_LIST,
            p -> {
              assertThat(p.value().map(v -> ((VirshList) v).domains()).orElse(List.of())).isEmpty();
              assertThat(codes(p)).isNotEmpty();
            }));
  }

  /** The peer's own error case: vmflow says what is wrong with it, with a finding. */
  private static void rejected(Parsed<?> p) {
    assertThat(codes(p)).as("findings").isNotEmpty();
  }

  private static void ipAddrTest(Parsed<?> p) {
    IpLink d = value(p, IpLink.class);
    assertThat(d.devices())
        .extracting(IpLink.LinkDevice::name)
        .containsExactly("lo", "eth7", "tunl0", "tunl1", "bond1.57", "ip.tun2");
    IpLink.LinkDevice lo = d.device("lo").orElseThrow();
    assertThat(lo.mac()).contains(mac("00:00:00:00:00:00"));
    assertThat(lo.flags()).containsExactly("LOOPBACK", "UP", "LOWER_UP");
    assertThat(lo.mtu()).isEqualTo(16436);
    assertThat(lo.addresses()).containsExactly("127.0.0.1/8", "::1/128");
    IpLink.LinkDevice eth7 = d.device("eth7").orElseThrow();
    assertThat(eth7.mac()).contains(mac("00:11:3f:e2:f5:9f"));
    assertThat(eth7.flags()).containsExactly("NO-CARRIER", "BROADCAST", "MULTICAST", "SLAVE", "UP");
    assertThat(eth7.master()).isEqualTo("bond1");
    assertThat(eth7.mtu()).isEqualTo(1500);
    assertThat(eth7.addresses()).isEmpty();
    assertThat(eth7.isUp()).isFalse();
    IpLink.LinkDevice tunl1 = d.device("tunl1").orElseThrow();
    assertThat(tunl1.addresses()).containsExactly("172.30.0.1/32");
    assertThat(tunl1.pointToPoint())
        .containsExactly(new IpLink.PointToPoint("172.30.0.1/32", "172.30.0.2/32"));
    assertThat(d.device("bond1.57").orElseThrow().addresses())
        .containsExactly(
            "10.192.4.171/27", "fe80::211:3fff:fee2:f59e/64", "2001::211:3fff:fee2:f59e/64");
    IpLink.LinkDevice tun2 = d.device("ip.tun2").orElseThrow();
    assertThat(tun2.mtu()).isEqualTo(80);
    assertThat(tun2.tunnel())
        .contains(new IpLink.TunnelEnds("ipip", "10.192.4.203", "10.188.61.108"));
    assertThat(tun2.addresses()).containsExactly("192.168.112.5/32");
    assertThat(tun2.pointToPoint())
        .containsExactly(new IpLink.PointToPoint("192.168.112.5/32", "192.168.122.6/32"));
    assertThat(p.findings())
        .extracting(f -> f.code() + " " + f.line())
        .containsExactly(
            "PARSE_UNRECOGNISED_LINE 1", "PARSE_UNRECOGNISED_LINE 2", "PARSE_UNRECOGNISED_LINE 3");
  }
}
