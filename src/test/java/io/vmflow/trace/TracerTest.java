package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.parse.CommandParser;
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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replica for real (where Open vSwitch is installed): the lab's reply-drop flows loaded into a
 * replica of compute-a's br-int, the lost reply traced, the drop rule named, nothing left running.
 */
class TracerTest {

  @TempDir Path tmp;

  static BridgePort port(String name, String ofport, String type, String peer) {
    return new BridgePort(
        name, ofport, -1, List.of(), type, peer, "", "", false, "", true, List.of());
  }

  static Host computeA(String extraPort) {
    Bridge brInt =
        new Bridge(
            "br-int",
            Bridge.Kind.OVS,
            List.of(
                port("patch-tun", "1", "patch", "patch-int"),
                port("qvo3f1a2b4c-5d", "2", "", ""),
                port(extraPort, "3", "", "")),
            List.of());
    Bridge brTun =
        new Bridge(
            "br-tun",
            Bridge.Kind.OVS,
            List.of(port("patch-int", "1", "patch", "patch-tun")),
            List.of());
    return new Host(
        "compute-a",
        "",
        "compute-a",
        List.of(),
        List.of(brInt, brTun),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  // the firewall's flows match the destination MAC, which the trace takes from the VM's port
  static io.vmflow.topology.Vm vm(String name, String mac, String ip) {
    var port =
        new io.vmflow.topology.VmPort(
            name + "-port",
            "",
            name,
            mac,
            List.of(ip),
            "net",
            "lab-net",
            List.of("10.20.0.0/24"),
            "ACTIVE",
            List.of(),
            List.of(),
            List.of());
    return new io.vmflow.topology.Vm(
        name, name, "ACTIVE", "compute-a", List.of(port), List.of(), List.of());
  }

  static Fact flows() throws Exception {
    return flows("reply-drop-inport_ovs-ofctl_dump-flows_br-int");
  }

  static Fact flows(String file) throws Exception {
    Path p = Path.of("src/test/resources/cause", file);
    CommandParser<?> parser = ParserRegistry.parserFor(Spec.OVS_OFCTL_DUMP_FLOWS).orElseThrow();
    io.vmflow.parse.ParsedRecord v =
        parser
            .parse(
                new SourceText(
                    Spec.OVS_OFCTL_DUMP_FLOWS, p.toString(), 1, "br-int", Files.readAllLines(p)))
            .value()
            .orElseThrow();
    return new Fact("compute-a", Spec.OVS_OFCTL_DUMP_FLOWS, p.toString(), "br-int", v);
  }

  static final LossCase REPLY =
      new LossCase(
          "vm1",
          "lost",
          "reply",
          "10.20.0.11",
          "10.20.0.13",
          List.of("patch-tun", "br-int", "qvo3f1a2b4c-5d"),
          List.of("compute-a", "compute-a", "compute-a"));

  @Test
  void replicaNamesTheDropRuleAndLeavesNothingRunning() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    // a port name full of shell metacharacters: arguments are a list, no shell ever sees them
    Topology t = new Topology(List.of(computeA("we;ird$(touch x)`y`")), List.of(), List.of());
    Path root = tmp.resolve("replica");
    long before = ProcessHandle.current().children().count();
    Tracer.Result r =
        Tracer.trace(root, t, List.of(flows()), List.of(REPLY), Duration.ofSeconds(30));
    assertThat(r.traces()).as(r.findings().toString()).isEqualTo(1);
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals("FLOW_TRACE_DROPS"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .contains("br-int table 0, priority 200", "icmp,in_port=1,icmp_type=0");
              assertThat(f.vmId()).isEqualTo("vm1");
              assertThat(Files.readString(Path.of(f.origin()))).contains("Datapath actions: drop");
            });
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count())
        .isLessThanOrEqualTo(before);
    try (var s = Files.walk(root)) {
      assertThat(s.filter(p -> p.getFileName().toString().equals(Janitor.PIDS))).isEmpty();
    }
    assertThat(Path.of("x")).doesNotExist();
  }

  @Test
  void nativeFirewallDropIsTracedThroughConntrackWithTheStateThePacketHad() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    Topology t =
        new Topology(
            List.of(computeA("pvo9e8d7c6b-5a")),
            List.of(
                vm("vm1", "fa:16:3e:11:11:01", "10.20.0.11"),
                vm("vm2", "fa:16:3e:22:22:02", "10.20.0.12")),
            List.of());
    Fact fw = flows("ovs-fw_ovs-ofctl_dump-flows_br-int");
    // vm1's request to vm2: new in vm2's zone, where no rule admits ICMP
    LossCase request =
        new LossCase(
            "vm2",
            "lost",
            "request",
            "10.20.0.11",
            "10.20.0.12",
            List.of("qvo3f1a2b4c-5d", "br-int", "pvo9e8d7c6b-5a"),
            List.of("compute-a", "compute-a", "compute-a"));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("fw"), t, List.of(fw), List.of(request), Duration.ofSeconds(30));
    assertThat(r.findings())
        .filteredOn(f -> f.code().equals("FLOW_TRACE_DROPS"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("br-int table 82, priority 0", "conntrack state assumed: trk+new"));
    // vm1's reply to a request of vm2's: established, so table 82 lets it through
    LossCase reply =
        new LossCase(
            "vm2",
            "lost",
            "reply",
            "10.20.0.12",
            "10.20.0.11",
            List.of("qvo3f1a2b4c-5d", "br-int", "pvo9e8d7c6b-5a"),
            List.of("compute-a", "compute-a", "compute-a"));
    Tracer.Result passed =
        Tracer.trace(tmp.resolve("fw2"), t, List.of(fw), List.of(reply), Duration.ofSeconds(30));
    assertThat(passed.traces()).isEqualTo(1);
    assertThat(passed.findings()).extracting(f -> f.code()).doesNotContain("FLOW_TRACE_DROPS");
  }

  @Test
  void aFlowTheReplicaRefusesIsAFindingAndTheRunGoesOn() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    Fact good = flows();
    io.vmflow.parse.OvsOfctlDumpFlows d = (io.vmflow.parse.OvsOfctlDumpFlows) good.value();
    var bad =
        new io.vmflow.parse.OvsOfctlDumpFlows.Flow(
            "0x1",
            0,
            10,
            1,
            1,
            1,
            List.of(new io.vmflow.parse.OvsOfctlDumpFlows.Field("nonsense_field", "7")),
            List.of("drop"),
            List.of(),
            9);
    List<io.vmflow.parse.OvsOfctlDumpFlows.Flow> flows = new java.util.ArrayList<>(d.flows());
    flows.add(bad);
    Fact refused =
        new Fact(
            "compute-a",
            good.spec(),
            good.origin(),
            "br-int",
            new io.vmflow.parse.OvsOfctlDumpFlows("br-int", flows));
    Topology t = new Topology(List.of(computeA("qvo-other")), List.of(), List.of());
    Tracer.Result r =
        Tracer.trace(
            tmp.resolve("r2"), t, List.of(refused), List.of(REPLY), Duration.ofSeconds(30));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_FAILED");
              assertThat(f.message()).contains("refused the flows of br-int");
            });
    // the run goes on: the packet is still traced, through a bridge left without flows
    assertThat(r.traces()).isEqualTo(1);
  }

  // the database file is written without ovsdb-tool: OVS's own tool reads it as its own
  @Test
  void theReplicaDatabaseIsWhatOvsdbToolCreates() throws Exception {
    var bin = OvsBinaries.find();
    assumeTrue(bin.isPresent(), "Open vSwitch not installed");
    Path db = tmp.resolve("conf.db");
    Replica.database(db, bin.get().schema());
    Process p =
        new ProcessBuilder(bin.get().ovsdbTool().toString(), "db-name", db.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(new String(p.getInputStream().readAllBytes()).trim()).isEqualTo("Open_vSwitch");
    assertThat(p.waitFor()).isZero();
    Path made = tmp.resolve("made.db");
    new ProcessBuilder(
            bin.get().ovsdbTool().toString(),
            "create",
            made.toString(),
            bin.get().schema().toString())
        .start()
        .waitFor();
    Process v =
        new ProcessBuilder(bin.get().ovsdbTool().toString(), "db-cksum", made.toString()).start();
    String cksum = new String(v.getInputStream().readAllBytes()).trim();
    Process w =
        new ProcessBuilder(bin.get().ovsdbTool().toString(), "db-cksum", db.toString()).start();
    assertThat(new String(w.getInputStream().readAllBytes()).trim()).isEqualTo(cksum);
  }

  @Test
  void leftOverDaemonsOfAKilledRunAreStopped() throws Exception {
    Path dir = tmp.resolve("replica/host-0");
    Files.createDirectories(dir);
    // a process started "from" the replica folder, as a daemon left by kill -9 would be
    Process p = new ProcessBuilder("sh", "-c", "sleep 60", dir.toString()).start();
    Files.writeString(dir.resolve(Janitor.PIDS), p.pid() + "\n");
    // the JVM's spawn helper execs sleep just after start() returns
    Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
    for (int i = 0; i < 100 && !Files.readString(cmdline).contains(dir.toString()); i++) {
      Thread.sleep(20);
    }
    assertThat(Janitor.clean(tmp.resolve("replica"))).isEqualTo(1);
    assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(dir.resolve(Janitor.PIDS)).doesNotExist();
  }
}
