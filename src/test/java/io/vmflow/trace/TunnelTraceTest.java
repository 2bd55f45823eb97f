package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.ping.LossCase;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace that leaves one host by its VXLAN tunnel goes on in the peer host's replica, entering at
 * the peer's tunnel port with the tunnel id and addresses the datapath set: the lab's reply-drop
 * dumps (both hosts), where vm3's replies leave compute-b and die on compute-a's br-int.
 */
class TunnelTraceTest {

  @TempDir Path tmp;

  static final String VM1_QVO = "qvo3f1a2b4c-5d";
  static final String VM3_QVO = "qvob4c5d6e7-f8";

  static BridgePort port(String name, String ofport, int tag, String type, String peer, String ip) {
    return new BridgePort(
        name, ofport, tag, List.of(), type, peer, ip, "", false, "", true, List.of());
  }

  // ports and ofports as the lab's ovs-vsctl show and ovs-ofctl show give them
  static Host host(String key, String ip, String qvo, int vlan, String vxlan, String remote) {
    Bridge brInt =
        new Bridge(
            "br-int",
            Bridge.Kind.OVS,
            List.of(
                port("patch-tun", "1", -1, "patch", "patch-int", ""),
                port(qvo, "2", vlan, "", "", "")),
            List.of());
    Bridge brTun =
        new Bridge(
            "br-tun",
            Bridge.Kind.OVS,
            List.of(
                port("patch-int", "1", -1, "patch", "patch-tun", ""),
                port(vxlan, "2", -1, "vxlan", "", remote)),
            List.of());
    return new Host(
        key,
        "",
        key,
        List.of(ip),
        List.of(brInt, brTun),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  static Fact fact(String host, Spec spec, String file, String subject) throws Exception {
    Path p = Path.of("src/test/resources/trace", "reply-drop_" + host + "_" + file);
    ParsedRecord v =
        ParserRegistry.parserFor(spec)
            .orElseThrow()
            .parse(new SourceText(spec, p.toString(), 1, subject, Files.readAllLines(p)))
            .value()
            .orElseThrow();
    return new Fact(host, spec, p.toString(), subject, v);
  }

  static List<Fact> facts() throws Exception {
    List<Fact> out = new ArrayList<>();
    for (String h : List.of("compute-a", "compute-b")) {
      out.add(fact(h, Spec.OVS_VSCTL_SHOW, "ovs-vsctl_-t_5_show", ""));
      for (String b : List.of("br-int", "br-tun")) {
        out.add(fact(h, Spec.OVS_OFCTL_DUMP_FLOWS, "ovs-ofctl_dump-flows_" + b, b));
      }
    }
    return out;
  }

  static Topology lab() {
    return new Topology(
        List.of(
            host("compute-a", "192.0.2.11", VM1_QVO, 1, "vxlan-c000020c", "192.0.2.12"),
            host("compute-b", "192.0.2.12", VM3_QVO, 3, "vxlan-c000020b", "192.0.2.11")),
        List.of(
            TracerTest.vm("vm1", "fa:16:3e:11:11:01", "10.20.0.11"),
            TracerTest.vm("vm3", "fa:16:3e:33:33:03", "10.20.0.13")),
        List.of());
  }

  static final List<String> HOSTS =
      List.of("compute-b", "compute-b", "compute-b", "compute-a", "compute-a", "compute-a");

  @Test
  void replyLeavingByTheTunnelIsTracedOnIntoThePeerReplicaAndItsDropNamed() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    LossCase reply =
        new LossCase(
            "vm1",
            "lost",
            "reply",
            "10.20.0.11",
            "10.20.0.13",
            List.of(VM3_QVO, "br-int", "vxlan-c000020b", "vxlan-c000020c", "br-int", VM1_QVO),
            HOSTS);
    Tracer.Result r =
        Tracer.trace(tmp.resolve("r"), lab(), facts(), List.of(reply), Duration.ofSeconds(30));
    // compute-b's trace, then compute-a's: the segment enters compute-a only by the tunnel
    assertThat(r.traces()).as(r.findings().toString()).isEqualTo(2);
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals("FLOW_TRACE_DROPS"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.hostKey()).isEqualTo("compute-a");
              assertThat(f.message())
                  .contains(
                      "entering br-tun from vxlan-c000020c (from compute-b by vxlan-c000020b,"
                          + " tun_id 0x3e9, 192.0.2.12 > 192.0.2.11)",
                      "br-int table 0, priority 200, icmp,nw_dst=10.20.0.11,icmp_type=0");
              String trace = Files.readString(Path.of(f.origin()));
              assertThat(trace).contains("tun_id=0x3e9", "Datapath actions: drop");
              // the dumped rule is cited beside the trace
              assertThat(f.evidence())
                  .anySatisfy(
                      e -> {
                        assertThat(e.origin()).endsWith("compute-a_ovs-ofctl_dump-flows_br-int");
                        assertThat(e.line()).isEqualTo(2);
                      });
            });
  }

  // both tunnel ports with a fixed key instead of key=flow: OVS sends 1000 whatever the rules set
  // (tunnel.c tnl_port_send), and compute-a's br-tun, whose rules expect 0x3e9, drops it
  @Test
  void aTunnelPortsFixedKeyIsTheIdTheTraceCrossesWith() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    List<Fact> facts = new ArrayList<>();
    for (Fact f : facts()) {
      if (f.spec() != Spec.OVS_VSCTL_SHOW) {
        facts.add(f);
        continue;
      }
      Path p = Path.of(f.origin());
      Path fixed = tmp.resolve(p.getFileName());
      Files.writeString(
          fixed,
          Files.readString(p).replace("in_key=flow", "key=1000").replace("out_key=flow, ", ""));
      ParsedRecord v =
          ParserRegistry.parserFor(Spec.OVS_VSCTL_SHOW)
              .orElseThrow()
              .parse(
                  new SourceText(
                      Spec.OVS_VSCTL_SHOW, fixed.toString(), 1, "", Files.readAllLines(fixed)))
              .value()
              .orElseThrow();
      facts.add(new Fact(f.host(), f.spec(), fixed.toString(), "", v));
    }
    LossCase reply =
        new LossCase(
            "vm1",
            "lost",
            "reply",
            "10.20.0.11",
            "10.20.0.13",
            List.of(VM3_QVO, "br-int", "vxlan-c000020b", "vxlan-c000020c", "br-int", VM1_QVO),
            HOSTS);
    Tracer.Result r =
        Tracer.trace(tmp.resolve("k"), lab(), facts, List.of(reply), Duration.ofSeconds(30));
    assertThat(r.traces()).as(r.findings().toString()).isEqualTo(2);
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals("FLOW_TRACE_DROPS"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.hostKey()).isEqualTo("compute-a");
              assertThat(f.message())
                  .contains("by vxlan-c000020b, tun_id 1000,", "br-tun table 0, priority 0");
              assertThat(Files.readString(Path.of(f.origin()))).contains("tun_id=0x3e8");
            });
  }

  @Test
  void requestCrossingTheTunnelReachesTheDestinationsPortWithoutAFinding() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    LossCase request =
        new LossCase(
            "vm1",
            "lost",
            "request",
            "10.20.0.11",
            "10.20.0.13",
            List.of(VM1_QVO, "br-int", "vxlan-c000020c", "vxlan-c000020b", "br-int", VM3_QVO),
            List.of("compute-a", "compute-a", "compute-a", "compute-b", "compute-b", "compute-b"));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("q"), lab(), facts(), List.of(request), Duration.ofSeconds(30));
    assertThat(r.traces()).as(r.findings().toString()).isEqualTo(2);
    assertThat(r.findings())
        .extracting(f -> f.code())
        .doesNotContain("FLOW_TRACE_DROPS", "FLOW_TRACE_MISDELIVERS", "FLOW_TRACE_FAILED");
  }

  @Test
  void datapathActionsGiveEachOutputWithTheTunnelSetBeforeIt() {
    DatapathActions a =
        DatapathActions.parse(
            "set(tunnel(tun_id=0x3e9,dst=192.0.2.11,ttl=64,tp_dst=4789,flags(df|key))),3,pop_vlan,6");
    assertThat(a.outputs())
        .containsExactly(
            new DatapathActions.Output(3, "0x3e9", "192.0.2.11"),
            new DatapathActions.Output(6, "", ""));
    assertThat(DatapathActions.parse("drop").outputs()).isEmpty();
    assertThat(DatapathActions.parse("ct(zone=1),recirc(0x1)").outputs()).isEmpty();
  }
}
