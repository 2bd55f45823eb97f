package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs and replicas: a switch daemon that hangs, a database server that never listens, a
 * dump with 10 000 bridges, a replica folder too deep for a socket address. Each gives a finding
 * (or, for the deep folder, the same trace) and the run goes on with nothing left running.
 */
class HostileReplicaTest {

  @TempDir Path tmp;

  private static Path script(Path dir, String name, String body) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private static long aliveChildren() {
    return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
  }

  @Test
  void aDatabaseServerThatNeverListensIsAFindingWithinTheLimit() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path hang = script(bin, "hang", "exec sleep 60");
    Path ok = script(bin, "ok", "exit 0");
    OvsBinaries fake = new OvsBinaries(ok, hang, hang, ok, ok, ok, ok);
    Topology t = new Topology(List.of(TracerTest.computeA("qvo-x")), List.of(), List.of());
    long before = aliveChildren();
    long t0 = System.nanoTime();
    Tracer.Result r =
        Tracer.trace(
            () -> Optional.of(fake),
            tmp.resolve("replica"),
            t,
            List.of(TracerTest.flows()),
            List.of(TracerTest.REPLY),
            Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(r.traces()).isZero();
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_FAILED");
              assertThat(f.message()).contains("compute-a", "did not start");
            });
    assertThat(aliveChildren()).isLessThanOrEqualTo(before);
  }

  @Test
  void aSwitchDaemonThatHangsIsAFindingWithinTheLimit() throws Exception {
    Optional<OvsBinaries> real = OvsBinaries.find();
    assumeTrue(real.isPresent(), "Open vSwitch not installed");
    Path hang = script(Files.createDirectories(tmp.resolve("bin")), "hang", "exec sleep 60");
    OvsBinaries b = real.get();
    OvsBinaries hanging =
        new OvsBinaries(
            b.ovsdbTool(), b.ovsdbServer(), hang, b.vsctl(), b.ofctl(), b.appctl(), b.schema());
    Topology t = new Topology(List.of(TracerTest.computeA("qvo-x")), List.of(), List.of());
    long before = aliveChildren();
    long t0 = System.nanoTime();
    Tracer.Result r =
        Tracer.trace(
            () -> Optional.of(hanging),
            tmp.resolve("replica"),
            t,
            List.of(TracerTest.flows()),
            List.of(TracerTest.REPLY),
            Duration.ofSeconds(2));
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_FAILED");
              assertThat(f.message()).contains("compute-a", "limit");
            });
    assertThat(aliveChildren()).isLessThanOrEqualTo(before);
    try (var s = Files.walk(tmp.resolve("replica"))) {
      assertThat(s.filter(p -> p.getFileName().toString().equals(Janitor.PIDS))).isEmpty();
    }
  }

  // 10 000 bridges chained by patch ports from br-int: all reachable, only the first 200 built
  @Test
  void tenThousandBridgesAreAFindingAndTheTraceStillRuns() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    Host a = TracerTest.computeA("qvo-x");
    List<Bridge> bridges = new ArrayList<>(a.bridges());
    Bridge brInt = bridges.remove(0);
    List<BridgePort> intPorts = new ArrayList<>(brInt.ports());
    intPorts.add(TracerTest.port("to-b0", "9", "patch", "from-b0"));
    bridges.add(0, new Bridge("br-int", Bridge.Kind.OVS, intPorts, List.of()));
    for (int i = 0; i < 10_000; i++) {
      bridges.add(
          new Bridge(
              "b" + i,
              Bridge.Kind.OVS,
              List.of(
                  TracerTest.port("from-b" + i, "1", "patch", "to-b" + i),
                  TracerTest.port("to-b" + (i + 1), "2", "patch", "from-b" + (i + 1))),
              List.of()));
    }
    Host big =
        new Host(
            a.key(),
            a.id(),
            a.name(),
            a.ips(),
            bridges,
            a.fdb(),
            a.links(),
            a.coverage(),
            a.dropFlows(),
            a.evidence());
    Topology t = new Topology(List.of(big), List.of(), List.of());
    long before = aliveChildren();
    Tracer.Result r =
        Tracer.trace(
            tmp.resolve("replica"),
            t,
            List.of(TracerTest.flows()),
            List.of(TracerTest.REPLY),
            Duration.ofSeconds(60));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_FAILED");
              assertThat(f.message()).contains("more than 200 OVS bridges");
            });
    assertThat(r.findings()).extracting(f -> f.code()).contains("FLOW_TRACE_DROPS");
    assertThat(aliveChildren()).isLessThanOrEqualTo(before);
  }

  // a control socket path longer than a socket address holds (108 bytes): ovs-appctl instead
  @Test
  void aReplicaFolderTooDeepForASocketAddressStillTraces() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    Path deep = tmp.resolve("d".repeat(60)).resolve("e".repeat(60)).resolve("replica");
    assertThat(deep.resolve("host-0/run/ovs-vswitchd.ctl").toString().length()).isGreaterThan(108);
    Topology t = new Topology(List.of(TracerTest.computeA("qvo-x")), List.of(), List.of());
    Tracer.Result r =
        Tracer.trace(
            deep,
            t,
            List.of(TracerTest.flows()),
            List.of(TracerTest.REPLY),
            Duration.ofSeconds(30));
    assertThat(r.traces()).isEqualTo(1);
    assertThat(r.findings()).extracting(f -> f.code()).containsExactly("FLOW_TRACE_DROPS");
  }
}
