package io.vmflow.trace;

import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.topology.Bridge;
import io.vmflow.topology.BridgePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark, not a test: a replica of a generated br-int of 1 000 ports and 50 000 neutron-like
 * flows (table 0 per-port classification, 24 anti-spoofing, 60 forwarding, 71/72 per-port ICMP
 * filters, 94 per-MAC outputs), loaded with one bundle, then 100 ofproto/trace runs; prints the
 * time of each part. In the trace package (the replica is package-private), run as:
 *
 * <pre>
 * ./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.trace.ReplicaBench /tmp/bench
 * </pre>
 */
public final class ReplicaBench {

  private ReplicaBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/vmflow-replica-bench");
    int ports = 1000;
    OvsBinaries bin = OvsBinaries.find().orElseThrow(() -> new IllegalStateException("no OVS"));
    List<BridgePort> list = new ArrayList<>();
    for (int p = 1; p <= ports; p++) {
      list.add(
          new BridgePort(
              "qvo" + p,
              String.valueOf(p),
              1 + p % 50,
              List.of(),
              "",
              "",
              "",
              "",
              false,
              "",
              true,
              List.of()));
    }
    Bridge brInt = new Bridge("br-int", Bridge.Kind.OVS, list, List.of());
    List<OvsOfctlDumpFlows.Flow> flows = new ArrayList<>();
    for (int p = 1; p <= ports; p++) {
      String mac = String.format("fa:16:3e:00:%02x:%02x", p / 256, p % 256);
      String ip = "10." + (p / 250) + "." + (p % 250) + ".10";
      flows.add(flow(0, 10, "in_port=" + p + ",dl_src=" + mac, "resubmit(,24)"));
      flows.add(flow(24, 2, "in_port=" + p + ",ip,nw_src=" + ip, "resubmit(,60)"));
      flows.add(flow(60, 5, "dl_vlan=" + (1 + p % 50) + ",dl_dst=" + mac, "resubmit(,71)"));
      flows.add(
          flow(94, 12, "dl_vlan=" + (1 + p % 50) + ",dl_dst=" + mac, "strip_vlan,output:" + p));
      for (int k = 0; k < 46; k++) {
        flows.add(
            flow(
                71 + k % 2,
                70 + k,
                "ip,reg5=" + p + ",nw_src=172." + k + ".0.0/16",
                k % 5 == 0 ? "drop" : "resubmit(,94)"));
      }
    }
    System.out.printf("generated %d flows on %d ports%n", flows.size(), ports);
    Files.createDirectories(dir);
    long t0 = System.nanoTime();
    try (Replica r = Replica.start(bin, dir.resolve("host-0"), Duration.ofSeconds(120))) {
      long t1 = System.nanoTime();
      SwitchLoader.bridge(r, brInt);
      long t2 = System.nanoTime();
      SwitchLoader.flows(r, "br-int", flows, dir.resolve("flows.txt"));
      long t3 = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        int p = 1 + i * 10;
        String mac = String.format("fa:16:3e:00:%02x:%02x", p / 256, p % 256);
        r.appctl(
            List.of(
                "ofproto/trace",
                "br-int",
                "in_port="
                    + p
                    + ",icmp,dl_src="
                    + mac
                    + ",nw_src=10."
                    + (p / 250)
                    + "."
                    + (p % 250)
                    + ".10,nw_dst=10.0.0.1,icmp_type=8"));
      }
      long t4 = System.nanoTime();
      r.close();
      long t5 = System.nanoTime();
      System.out.printf("stop %d ms%n", (t5 - t4) / 1_000_000);
      System.out.printf(
          "daemons %d ms, 1 bridge + %d ports %d ms, %d flows loaded %d ms, 100 traces %d ms%n",
          (t1 - t0) / 1_000_000,
          ports,
          (t2 - t1) / 1_000_000,
          flows.size(),
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000);
    }
  }

  private static OvsOfctlDumpFlows.Flow flow(
      int table, int priority, String match, String actions) {
    List<OvsOfctlDumpFlows.Field> fields = new ArrayList<>();
    for (String m : match.split(",")) {
      int eq = m.indexOf('=');
      fields.add(
          eq < 0
              ? new OvsOfctlDumpFlows.Field(m, "")
              : new OvsOfctlDumpFlows.Field(m.substring(0, eq), m.substring(eq + 1)));
    }
    return new OvsOfctlDumpFlows.Flow(
        "0x1",
        table,
        priority,
        0,
        0,
        0,
        fields,
        List.of(actions.split(",(?![^(]*\\))")),
        List.of(),
        0);
  }
}
