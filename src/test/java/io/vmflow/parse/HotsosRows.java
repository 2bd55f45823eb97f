package io.vmflow.parse;

import static io.vmflow.parse.PeerCorpusTest.clean;
import static io.vmflow.parse.PeerCorpusTest.mac;
import static io.vmflow.parse.PeerCorpusTest.row;
import static io.vmflow.parse.PeerCorpusTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.parse.PeerCorpusTest.Row;
import io.vmflow.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * hotsos's test data: strings of tests/unit/test_openvswitch.py, and every file of a format vmflow
 * reads in its {@code fake_data_root} trees (openstack, kubernetes, rabbitmq, storage/ceph-mon,
 * vault, sunbeam), detected by their sos path. Files of the openstack tree carry the values
 * hotsos's openstack and openvswitch tests assert about that host; the others must parse cleanly.
 */
final class HotsosRows {

  private static final String D = "hotsos/";

  // sos file name -> the kind it holds (written out here, not derived from BundleLayout)
  private static final Map<String, Spec> KINDS =
      Map.ofEntries(
          Map.entry("hostname", Spec.HOSTNAME),
          Map.entry("ip_netns", Spec.IP_NETNS),
          Map.entry("bridge_-s_-s_-d_-t_fdb_show", Spec.BRIDGE_FDB_SHOW),
          Map.entry("bridge_-s_-s_-d_link_show", Spec.BRIDGE_LINK_SHOW),
          Map.entry("ip_-d_address", Spec.IP_ADDR),
          Map.entry("ip_-o_addr", Spec.IP_ADDR),
          Map.entry("ip_-s_-d_link", Spec.IP_LINK),
          Map.entry("instance-00000001.xml", Spec.VIRSH_DUMPXML),
          Map.entry("ovs-vsctl_-t_5_show", Spec.OVS_VSCTL_SHOW),
          Map.entry("ovs-appctl_dpctl.show_-s_system_ovs-system", Spec.OVS_DPCTL_SHOW),
          Map.entry("ovs-appctl_ofproto.list-tunnels", Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS));

  private static final String OS = D + "openstack/";

  // what hotsos's tests assert about the openstack tree's host (compute4), and its scenarios, per
  // file
  private static final Map<String, Consumer<Parsed<?>>> ASSERTED =
      Map.of(
          OS + "sos_commands/host/hostname",
          p -> assertThat(value(p, Hostname.class).name()).isEqualTo("compute4"),
          // test_openvswitch.py test_summary_bridges: br-data holds ens7, br-tun two vxlan ports
          OS + "sos_commands/openvswitch/ovs-vsctl_-t_5_show",
          p -> {
            OvsVsctlShow s = value(p, OvsVsctlShow.class);
            assertThat(s.bridges())
                .extracting(OvsVsctlShow.OvsBridge::name)
                .containsExactlyInAnyOrder("br-data", "br-ex", "br-int", "br-tun");
            assertThat(s.bridge("br-data").orElseThrow().port("ens7")).isPresent();
            assertThat(s.bridge("br-tun").orElseThrow().ports())
                .extracting(OvsVsctlShow.OvsPort::name)
                .contains("vxlan-0a000072", "vxlan-0a000085");
          },
          // test_openstack.py test_get_network_checker: br-ens3 10.0.0.128, 22:c2:7b:1c:12:1b,
          // mtu 1500, UP
          OS + "sos_commands/networking/ip_-d_address",
          p -> {
            IpLink.LinkDevice br = value(p, IpLink.class).device("br-ens3").orElseThrow();
            assertThat(br.addresses()).contains("10.0.0.128/24");
            assertThat(br.mac()).contains(mac("22:c2:7b:1c:12:1b"));
            assertThat(br.mtu()).isEqualTo(1500);
            assertThat(br.isUp()).isTrue();
          },
          OS + "sos_commands/networking/ip_-o_addr",
          p ->
              assertThat(value(p, IpLink.class).device("br-ens3").orElseThrow().addresses())
                  .contains("10.0.0.128/24"),
          // test_openvswitch.py test_summary_tunnels: vxlan, 2 remotes
          OS + "sos_commands/openvswitch/ovs-appctl_ofproto.list-tunnels",
          p ->
              assertThat(value(p, OvsTunnels.class).tunnels())
                  .extracting(t -> t.type() + " " + t.localIp() + "->" + t.remoteIp())
                  .containsExactly("vxlan 10.0.0.128->10.0.0.114", "vxlan 10.0.0.128->10.0.0.133"),
          // test_openstack.py test_nova_instances / test_get_vm_checks: the one running instance
          OS + "run/libvirt/qemu/instance-00000001.xml",
          p -> {
            LibvirtDomain d = value(p, LibvirtDomain.class);
            assertThat(d.name()).isEqualTo("instance-00000001");
            assertThat(d.uuid()).isEqualTo("d1d75e2f-ada4-49bc-a963-528d89dfda25");
            assertThat(d.interfaces())
                .extracting(i -> i.targetDev() + " " + i.mac().orElseThrow())
                .containsExactly("tap0e778df8-ca fa:16:3e:a7:45:cb");
          },
          // scenarios/openvswitch/dpif_lost_packets_*.yaml: dpctl/show cut to its lookups line;
          // hotsos raises "a non-zero amount (54691089) of lost packets"
          D + "scenarios/dpif_lost_packets_no_vswitchd/ovs-appctl_dpctl.show_-s_system_ovs-system",
          p ->
              assertThat(value(p, OvsDpctlShow.class).datapaths())
                  .extracting(dp -> dp.lookups().orElseThrow().lost())
                  .containsExactly(54691089L),
          // the datapath's per-port drop counters (hotsos's datapath-checks-port-stats)
          OS + "sos_commands/openvswitch/ovs-appctl_dpctl.show_-s_system_ovs-system",
          p -> {
            OvsDpctlShow.Datapath dp = value(p, OvsDpctlShow.class).datapaths().get(0);
            assertThat(dp.name()).isEqualTo("ovs-system");
            assertThat(dp.lookups()).contains(new OvsDpctlShow.Lookups(36830, 4948, 0));
            assertThat(dp.ports())
                .filteredOn(x -> x.name().equals("br-int"))
                .extracting(x -> x.counters().orElseThrow().rxDropped())
                .containsExactly(1533L);
            assertThat(dp.ports())
                .filteredOn(x -> x.name().equals("ens7"))
                .extracting(x -> x.counters().orElseThrow().rxPackets())
                .containsExactly(37915L);
          });

  private HotsosRows() {}

  // ip_netns_exec_<ns>_<command>: the command's kind inside a namespace
  private static Spec inNamespace(String name) {
    if (name.endsWith("_ip_address_show")) {
      return Spec.NETNS_IP_ADDR;
    }
    if (name.endsWith("_ip_route_show_table_all")) {
      return Spec.NETNS_IP_ROUTE;
    }
    if (name.endsWith("_ip_-s_-s_neigh_show")) {
      return Spec.NETNS_IP_NEIGH;
    }
    if (name.endsWith("_ip_rule_list")) {
      return Spec.NETNS_IP_RULE;
    }
    return name.endsWith("_iptables-save") || name.endsWith("_ip6tables-save")
        ? Spec.NETNS_IPTABLES_SAVE
        : null;
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    // test_openvswitch.py test_ovs_dp_checks: dpctl/show cut to its port lines, no header
    rows.add(
        row(
            D + "test_openvswitch/DPCTL_SHOW.txt",
            Spec.OVS_DPCTL_SHOW,
            p -> {
              clean(p);
              List<OvsDpctlShow.Datapath> dps = value(p, OvsDpctlShow.class).datapaths();
              assertThat(dps).hasSize(1);
              OvsDpctlShow.DpPort qr = dps.get(0).ports().get(1);
              assertThat(qr.name()).isEqualTo("qr-aa623763-fd");
              assertThat(qr.counters().orElseThrow().rxDropped()).isEqualTo(1394875);
              assertThat(qr.counters().orElseThrow().rxPackets()).isEqualTo(309);
              assertThat(qr.counters().orElseThrow().txPackets()).isEqualTo(66312);
            }));
    // test_openvswitch.py test_summary_tunnels_ovn: 2 remotes
    rows.add(
        row(
            D + "test_openvswitch/OFPROTO_LIST_TUNNELS.txt",
            Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS,
            p -> {
              clean(p);
              assertThat(value(p, OvsTunnels.class).tunnels())
                  .extracting(t -> t.type() + " " + t.remoteIp())
                  .containsExactly("geneve 10.10.2.33", "geneve 10.10.2.29");
            }));
    rows.addAll(trees());
    return rows;
  }

  private static List<Row> trees() {
    List<Row> rows = new ArrayList<>();
    Path root = PeerCorpusTest.ROOT.resolve("hotsos");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        String rel = PeerCorpusTest.ROOT.relativize(f).toString().replace('\\', '/');
        if (rel.startsWith(D + "test_")) {
          continue;
        }
        String name = f.getFileName().toString();
        // ovs-ofctl_show_br-int, ovs-ofctl_-O_OpenFlow13_dump-ports-desc_br-int (same port list)
        Spec kind =
            name.matches("ovs-ofctl_(-O_OpenFlow1\\d_)?(show|dump-ports-desc)_.*")
                ? Spec.OVS_OFCTL_SHOW
                : name.matches("ovs-ofctl_(-O_OpenFlow1\\d_)?dump-flows_.*")
                    ? Spec.OVS_OFCTL_DUMP_FLOWS
                    : name.startsWith("ovs-appctl_fdb.show_")
                        ? Spec.OVS_APPCTL_FDB_SHOW
                        : name.startsWith("ip_netns_exec_") ? inNamespace(name) : KINDS.get(name);
        boolean empty = Files.size(f) == 0;
        Consumer<Parsed<?>> clean =
            p -> {
              clean(p);
              if (!empty) {
                assertThat(p.value()).isPresent();
              }
            };
        rows.add(row(rel, kind, clean.andThen(ASSERTED.getOrDefault(rel, p -> {}))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
