package io.vmflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The collector against real Open vSwitch and Linux bridges: a namespace lab with two
 * hybrid-plugged VMs; {@code vmflow-collect all} runs inside the hypervisor namespace, finds VM 1
 * from its IP, captures on its four hops while VM 1 pings VM 2, and vmflow reads the tarball plus a
 * controller table written for the lab's names back into the VM's path and paired pings.
 */
class CollectLabTest {

  private static final NamespaceLab.Vm VM1 =
      new NamespaceLab.Vm(
          "vm1",
          "aaaaaaaa-0000-4000-8000-000000000011",
          "5ab2c6e1-3f40-4a0b-9d1e-7c2f8e9a1b01",
          "fa:16:3e:00:09:11",
          "10.9.0.11");
  private static final NamespaceLab.Vm VM2 =
      new NamespaceLab.Vm(
          "vm2",
          "bbbbbbbb-0000-4000-8000-000000000012",
          "9c7d4e2a-81b3-4c55-a6f0-3e1d2c4b5a60",
          "fa:16:3e:00:09:12",
          "10.9.0.12");
  private static final int SECONDS = 3;

  @TempDir static Path tmp;
  static NamespaceLab lab;

  @BeforeAll
  static void buildLab() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ovs-vswitchd")), "Open vSwitch not installed");
    assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/tcpdump"))
            || Files.isExecutable(Path.of("/usr/sbin/tcpdump")),
        "tcpdump not installed");
    assumeTrue(NamespaceLab.sh("id", "-u").trim().equals("0"), "needs root for network namespaces");
    lab = new NamespaceLab(tmp);
    try {
      lab.start();
      lab.plug(VM1, 1);
      lab.plug(VM2, 1);
      lab.up();
      // ARP caches filled first, so the capture holds echoes and not address resolution
      assertThat(lab.ping(VM1, VM2.ip(), 2)).contains("2 received");
    } catch (Exception | AssertionError e) {
      lab.close();
      throw e;
    }
  }

  @AfterAll
  static void removeLab() {
    if (lab != null) {
      lab.close();
    }
  }

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>(lab.ovsEnv());
    env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    return env;
  }

  @Test
  void hostAndCaptureModesGiveVmflowThePathAndPairedPings() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Collector.Run run =
        Collector.run(
            out,
            env(),
            List.of("ip", "netns", "exec", lab.host),
            "all",
            "--vm",
            VM1.ip(),
            "--netns",
            VM1.ns(lab),
            "--seconds",
            String.valueOf(SECONDS),
            "--ping",
            VM2.ip());
    assertThat(run.exit()).as(run.output()).isZero();
    String top = run.tarball().getFileName().toString().replace(".tar.gz", "") + "/";
    assertThat(Collector.entries(run.tarball()))
        .contains(
            top + "sos_commands/openvswitch/ovs-vsctl_-t_5_show",
            top + "sos_commands/openvswitch/ovs-ofctl_show_br-int",
            top + "sos_commands/openvswitch/ovs-appctl_fdb.show_br-int",
            top + "sos_commands/bridge/brctl_show",
            top + "tap5ab2c6e1-3f.pcap",
            top + "qbr5ab2c6e1-3f.pcap",
            top + "qvb5ab2c6e1-3f.pcap",
            top + "qvo5ab2c6e1-3f.pcap");

    Path report = tmp.resolve("report");
    int exit =
        VmflowMain.run(
            "analyze",
            run.tarball().toString(),
            controller(tmp).toString(),
            "-o",
            report.toString());
    JsonNode json = JsonMapper.builder().build().readTree(report.resolve("report.json").toFile());
    JsonNode vm = vm(json, VM1.uuid());
    List<String> hops = new ArrayList<>();
    vm.get("hops")
        .forEach(h -> hops.add(h.get("device").asString() + ":" + h.get("kind").asString()));
    assertThat(hops)
        .containsExactly(
            "tap5ab2c6e1-3f:TAP",
            "qbr5ab2c6e1-3f:LINUX_BRIDGE",
            "qvb5ab2c6e1-3f:VETH_BRIDGE_SIDE",
            "qvo5ab2c6e1-3f:VETH_OVS_SIDE",
            "br-int:INTEGRATION_BRIDGE");
    JsonNode qvo = vm.get("hops").get(3);
    assertThat(qvo.get("vlan").asInt()).isEqualTo(1);
    assertThat(qvo.get("ofport").asString()).isEqualTo("1");

    int pings = SECONDS * 5;
    List<String> points = new ArrayList<>();
    for (JsonNode p : vm.get("pings")) {
      if (p.get("src").asString().equals(VM1.ip()) && p.get("dst").asString().equals(VM2.ip())) {
        points.add(p.get("point").asString());
        assertThat(p.get("requests").asLong()).as(p.get("point").asString()).isEqualTo(pings);
        assertThat(p.get("replies").asLong()).as(p.get("point").asString()).isEqualTo(pings);
        assertThat(p.get("unanswered").asLong()).isZero();
      }
    }
    assertThat(points)
        .containsExactlyInAnyOrder(
            "tap5ab2c6e1-3f", "qbr5ab2c6e1-3f", "qvb5ab2c6e1-3f", "qvo5ab2c6e1-3f");
    assertThat(vm.get("lossSegments")).isEmpty();
    List<String> codes = new ArrayList<>();
    json.get("findings").forEach(f -> codes.add(f.get("code").asString()));
    List<String> said = new ArrayList<>();
    json.get("findings")
        .forEach(
            f ->
                said.add(
                    f.get("code").asString()
                        + " "
                        + f.get("severity").asString()
                        + ": "
                        + f.get("message").asString()));
    assertThat(codes)
        .contains("COLLECT_MANIFEST")
        .doesNotContain("COLLECT_COMMAND_FAILED", "MAC_MISMATCH");
    assertThat(exit).as(String.join("\n", said)).isZero();
  }

  @Test
  void interruptedCaptureStopsItsTcpdumpsAndLeavesNothingBehind() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out-interrupted"));
    Path work = Files.createDirectories(tmp.resolve("tmpdir"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "ip",
                "netns",
                "exec",
                lab.host,
                "bash",
                Collector.SCRIPT.toString(),
                "capture",
                "--vm",
                VM2.uuid(),
                "--seconds",
                "120",
                "-o",
                out.toString()));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("interrupted.log").toFile());
    pb.environment().putAll(env());
    pb.environment().put("TMPDIR", work.toString());
    Process p = pb.start();
    // found from the VM uuid neutron writes into OVS (external_ids:vm-uuid): four hops, four
    // tcpdumps
    List<ProcessHandle> tcpdumps = List.of();
    for (int i = 0; i < 100 && tcpdumps.size() < 4; i++) {
      Thread.sleep(100);
      tcpdumps =
          p.descendants()
              .filter(h -> h.info().command().map(c -> c.endsWith("tcpdump")).orElse(false))
              .toList();
    }
    assertThat(tcpdumps).hasSize(4);
    p.destroy(); // SIGTERM, as a responder's Ctrl-C or a killed session would
    assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(130);
    for (ProcessHandle t : tcpdumps) {
      assertThat(t.onExit().completeOnTimeout(t, 5, TimeUnit.SECONDS).join().isAlive()).isFalse();
    }
    try (var left = Files.list(work)) {
      assertThat(left).as("temporary folder removed").isEmpty();
    }
    try (var written = Files.list(out)) {
      assertThat(written).as("no half bundle").isEmpty();
    }
  }

  private static JsonNode vm(JsonNode report, String id) {
    for (JsonNode v : report.get("vms")) {
      if (v.get("id").asString().equals(id)) {
        return v;
      }
    }
    throw new AssertionError("VM " + id + " not in report: " + report.get("vms"));
  }

  /**
   * The controller's view of the lab, in nova's table layout, as vmflow-collect controller would
   * save it.
   */
  private static Path controller(Path tmp) throws Exception {
    if (Files.exists(tmp.resolve("ctl01"))) {
      return tmp.resolve("ctl01");
    }
    Path nova = Files.createDirectories(tmp.resolve("ctl01/sos_commands/nova"));
    String rule =
        "+--------------------------------------+------+--------+------------+-------------+-----------------+\n";
    StringBuilder list =
        new StringBuilder(rule)
            .append(
                "| ID                                   | Name | Status | Task State | Power State | Networks        |\n")
            .append(rule);
    for (NamespaceLab.Vm vm : List.of(VM1, VM2)) {
      list.append(
          String.format(
              "| %s | %-4s | ACTIVE | -          | Running     | %-15s |%n",
              vm.uuid(), vm.name(), "lab=" + vm.ip()));
      String r =
          "+------------+--------------------------------------+--------------------------------------+--------------+-------------------+\n";
      Files.writeString(
          nova.resolve("nova_interface-list_" + vm.uuid()),
          r
              + "| Port State | Port ID                              | Net ID                               | IP addresses | MAC Addr          |\n"
              + r
              + String.format(
                  "| ACTIVE     | %s | 99999999-0000-4000-8000-000000000009 | %-12s | %s |%n",
                  vm.portId(), vm.ip(), vm.mac())
              + r);
    }
    Files.writeString(nova.resolve("nova_list_--all-tenants"), list.append(rule));
    return tmp.resolve("ctl01");
  }
}
