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
import io.vmflow.topology.Hop;
import io.vmflow.topology.HopKind;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import io.vmflow.topology.Vm;
import io.vmflow.topology.VmPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's misdeliver dumps (compute-a): a br-int rule sends vm2's echo requests to vm3 out of
 * vm1's qvo. Traced from vm2's qvm, the replica's datapath output is vm1's port: the finding names
 * that port, whose it is, and the rule with its dump line.
 */
class MisdeliveryTraceTest {

  @TempDir Path tmp;

  static final String VM1 = "3f1a2b4c-5d";
  static final String VM2 = "9e8d7c6b-5a";
  static final String A = "compute-a";

  static BridgePort port(String name, String ofport, int tag, String type, String peer) {
    return new BridgePort(
        name, ofport, tag, List.of(), type, peer, "", "", false, "", true, List.of());
  }

  static Hop hop(String device, HopKind kind, String host) {
    return new Hop(device, kind, "", "", -1, "", true, host, "", List.of(), List.of());
  }

  static Vm vm(String name, String mac, String ip, String host, List<Hop> hops) {
    VmPort p =
        new VmPort(
            name + "-port",
            "",
            "",
            mac,
            List.of(ip),
            "net",
            "lab-net",
            List.of("10.20.0.0/24"),
            "ACTIVE",
            hops,
            List.of(),
            List.of());
    return new Vm(name + "-id", name, "ACTIVE", host, List.of(p), List.of(), List.of());
  }

  // bridges, ports and ofports as the scenario's ovs-vsctl show and ovs-ofctl show give them
  static Topology topology() {
    Bridge brInt =
        new Bridge(
            "br-int",
            Bridge.Kind.OVS,
            List.of(
                port("patch-tun", "1", -1, "patch", "patch-int"),
                port("qvo" + VM1, "2", 1, "", ""),
                port("pvo" + VM2, "3", 1, "patch", "pvi" + VM2)),
            List.of());
    Bridge ply =
        new Bridge(
            "ply" + VM2,
            Bridge.Kind.OVS,
            List.of(
                port("qvm" + VM2, "1", -1, "internal", ""),
                port("pvi" + VM2, "2", -1, "patch", "pvo" + VM2)),
            List.of());
    Bridge brTun =
        new Bridge(
            "br-tun",
            Bridge.Kind.OVS,
            List.of(port("patch-int", "1", -1, "patch", "patch-tun")),
            List.of());
    Host a =
        new Host(
            A,
            "",
            A,
            List.of("192.0.2.11"),
            List.of(brInt, ply, brTun),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Vm vm1 =
        vm(
            "lab-vm1",
            "fa:16:3e:11:11:01",
            "10.20.0.11",
            A,
            List.of(
                hop("tap" + VM1, HopKind.TAP, A),
                hop("qbr" + VM1, HopKind.LINUX_BRIDGE, A),
                hop("qvb" + VM1, HopKind.VETH_BRIDGE_SIDE, A),
                hop("qvo" + VM1, HopKind.VETH_OVS_SIDE, A),
                hop("br-int", HopKind.INTEGRATION_BRIDGE, A)));
    Vm vm2 =
        vm(
            "lab-vm2",
            "fa:16:3e:22:22:02",
            "10.20.0.12",
            A,
            List.of(
                hop("tap" + VM2, HopKind.TAP, A),
                hop("qbr" + VM2, HopKind.LINUX_BRIDGE, A),
                hop("qvm" + VM2, HopKind.VETH_BRIDGE_SIDE, A),
                hop("ply" + VM2, HopKind.PORT_BRIDGE, A),
                hop("pvo" + VM2, HopKind.PATCH, A),
                hop("br-int", HopKind.INTEGRATION_BRIDGE, A)));
    Vm vm3 = vm("lab-vm3", "fa:16:3e:33:33:03", "10.20.0.13", "compute-b", List.of());
    return new Topology(List.of(a), List.of(vm1, vm2, vm3), List.of());
  }

  static List<Fact> facts() throws Exception {
    List<Fact> out = new ArrayList<>();
    for (String b : List.of("br-int", "ply" + VM2, "br-tun")) {
      Path p = Path.of("src/test/resources/trace", "misdeliver_ovs-ofctl_dump-flows_" + b);
      ParsedRecord v =
          ParserRegistry.parserFor(Spec.OVS_OFCTL_DUMP_FLOWS)
              .orElseThrow()
              .parse(
                  new SourceText(
                      Spec.OVS_OFCTL_DUMP_FLOWS, p.toString(), 1, b, Files.readAllLines(p)))
              .value()
              .orElseThrow();
      out.add(new Fact(A, Spec.OVS_OFCTL_DUMP_FLOWS, p.toString(), b, v));
    }
    return out;
  }

  @Test
  void requestsSentToAnotherVmsPortAreNamedWithTheRuleAndThePortsOwner() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    LossCase lost =
        new LossCase(
            "lab-vm2-id",
            "lost",
            "request",
            "10.20.0.12",
            "10.20.0.13",
            List.of("qvm" + VM2, "ply" + VM2, "br-int", "patch-tun"),
            List.of(A, A, A, A));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("m"), topology(), facts(), List.of(lost), Duration.ofSeconds(30));
    assertThat(r.traces()).isEqualTo(1);
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_MISDELIVERS");
              assertThat(f.vmId()).isEqualTo("lab-vm2-id");
              assertThat(f.message())
                  .contains(
                      "echo request (10.20.0.12 > 10.20.0.13) entering ply"
                          + VM2
                          + " from qvm"
                          + VM2,
                      "leaves by qvo" + VM1 + ", a port of lab-vm1 (10.20.0.11)",
                      "not toward lab-vm3, its destination",
                      "br-int table 0, priority 210",
                      "cookie 0xbad",
                      "actions output:2");
              // the rule's dump line is the finding's own evidence
              assertThat(f.origin()).endsWith("misdeliver_ovs-ofctl_dump-flows_br-int");
              assertThat(f.line()).isEqualTo(2);
            });
  }

  @Test
  void vm1sOwnRequestsToVm2AreDeliveredToVm2WithoutAFinding() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    LossCase other =
        new LossCase(
            "lab-vm1-id",
            "lost",
            "request",
            "10.20.0.11",
            "10.20.0.12",
            List.of("qvo" + VM1, "br-int", "pvo" + VM2),
            List.of(A, A, A));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("o"), topology(), facts(), List.of(other), Duration.ofSeconds(30));
    assertThat(r.traces()).isEqualTo(1);
    assertThat(r.findings()).isEmpty();
  }
}
