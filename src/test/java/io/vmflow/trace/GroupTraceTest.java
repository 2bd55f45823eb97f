package io.vmflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.parse.OvsOfctlDumpGroups;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.ping.LossCase;
import io.vmflow.spec.Spec;
import io.vmflow.topology.Bridge;
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
 * OpenFlow groups in the replica: a br-int whose ICMP rule outputs through a group (real dumps of
 * such a bridge, {@code resources/trace/groups_*}) traces through the group's buckets once the
 * dumped groups are loaded before the flows; a group the switch refuses is a finding with its line,
 * and the rest still load.
 */
class GroupTraceTest {

  @TempDir Path tmp;

  static Fact fact(Spec spec, String file) throws Exception {
    Path p = Path.of("src/test/resources/trace", file);
    ParsedRecord v =
        ParserRegistry.parserFor(spec)
            .orElseThrow()
            .parse(new SourceText(spec, p.toString(), 1, "br-int", Files.readAllLines(p)))
            .value()
            .orElseThrow();
    return new Fact("compute-a", spec, p.toString(), "br-int", v);
  }

  static Topology topology() {
    Bridge brInt =
        new Bridge(
            "br-int",
            Bridge.Kind.OVS,
            List.of(
                TracerTest.port("patch-tun", "1", "", ""),
                TracerTest.port("qvo3f1a2b4c-5d", "2", "", ""),
                TracerTest.port("pvo9e8d7c6b-5a", "3", "", "")),
            List.of());
    Host a =
        new Host(
            "compute-a",
            "",
            "compute-a",
            List.of(),
            List.of(brInt),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new Topology(
        List.of(a),
        List.of(
            TracerTest.vm("vm1", "fa:16:3e:11:11:01", "10.20.0.11"),
            TracerTest.vm("vm2", "fa:16:3e:22:22:02", "10.20.0.12")),
        List.of());
  }

  // vm1's reply to vm2 enters br-int from qvo and leaves by the group's buckets
  static final LossCase REPLY =
      new LossCase(
          "vm2",
          "lost",
          "reply",
          "10.20.0.12",
          "10.20.0.11",
          List.of("qvo3f1a2b4c-5d", "br-int", "pvo9e8d7c6b-5a"),
          List.of("compute-a", "compute-a", "compute-a"));

  @Test
  void traceGoesThroughTheDumpedGroup() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    List<Fact> facts =
        List.of(
            fact(Spec.OVS_OFCTL_DUMP_GROUPS, "groups_ovs-ofctl_-O_OpenFlow13_dump-groups_br-int"),
            fact(Spec.OVS_OFCTL_DUMP_FLOWS, "groups_ovs-ofctl_-O_OpenFlow13_dump-flows_br-int"));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("g"), topology(), facts, List.of(REPLY), Duration.ofSeconds(30));
    assertThat(r.traces()).isEqualTo(1);
    assertThat(r.findings()).as(r.findings().toString()).isEmpty();
    String trace = traceText(tmp.resolve("g"));
    assertThat(trace).contains("group:1", "bucket 0");
    assertThat(trace).doesNotContain("Datapath actions: drop");
  }

  @Test
  void withoutTheGroupsTheFlowsAreRefused() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    List<Fact> facts =
        List.of(
            fact(Spec.OVS_OFCTL_DUMP_FLOWS, "groups_ovs-ofctl_-O_OpenFlow13_dump-flows_br-int"));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("n"), topology(), facts, List.of(REPLY), Duration.ofSeconds(30));
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_FAILED");
              assertThat(f.message()).contains("refused the flows of br-int");
            });
  }

  @Test
  void aGroupTheReplicaRefusesIsAFindingWithItsLineAndTheOthersLoad() throws Exception {
    assumeTrue(OvsBinaries.find().isPresent(), "Open vSwitch not installed");
    Fact good =
        fact(Spec.OVS_OFCTL_DUMP_GROUPS, "groups_ovs-ofctl_-O_OpenFlow13_dump-groups_br-int");
    OvsOfctlDumpGroups d = (OvsOfctlDumpGroups) good.value();
    List<OvsOfctlDumpGroups.Group> groups = new ArrayList<>(d.groups());
    // a bucket that outputs to a port name the bridge does not have
    groups.add(
        new OvsOfctlDumpGroups.Group(
            9,
            "all",
            List.of("actions=output:nonexistent"),
            "group_id=9,type=all,bucket=actions=output:nonexistent",
            7));
    Fact bad =
        new Fact(
            "compute-a",
            good.spec(),
            good.origin(),
            "br-int",
            new OvsOfctlDumpGroups("br-int", groups));
    List<Fact> facts =
        List.of(
            bad,
            fact(Spec.OVS_OFCTL_DUMP_FLOWS, "groups_ovs-ofctl_-O_OpenFlow13_dump-flows_br-int"));
    Tracer.Result r =
        Tracer.trace(tmp.resolve("b"), topology(), facts, List.of(REPLY), Duration.ofSeconds(30));
    assertThat(r.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("FLOW_TRACE_FAILED");
              assertThat(f.message()).contains("refused group 9 of br-int (compute-a)");
              assertThat(f.line()).isEqualTo(7);
            });
    // the dumped groups loaded one by one: the flows that use them still load and trace
    assertThat(r.traces()).isEqualTo(1);
    assertThat(traceText(tmp.resolve("b"))).contains("group:1");
  }

  private static String traceText(Path root) throws Exception {
    try (var s = Files.walk(root)) {
      Path t =
          s.filter(p -> p.getFileName().toString().startsWith("trace-")).findFirst().orElseThrow();
      return Files.readString(t);
    }
  }
}
