package io.vmflow.bench;

import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark, not a test: parses a generated {@code ovs-ofctl dump-flows} of 200 000 flows on one
 * thread and prints the best of several rounds in MB/s of text.
 *
 * <pre>
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.DumpFlowsThroughput
 * </pre>
 */
public final class DumpFlowsThroughput {

  private DumpFlowsThroughput() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    List<String> lines = new ArrayList<>(n + 1);
    lines.add("OFPST_FLOW reply (OF1.3) (xid=0x2):");
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      String l =
          String.format(
              Locale.ROOT,
              " cookie=0x%x, duration=%d.%03ds, table=%d, n_packets=%d, n_bytes=%d, idle_age=%d, priority=%d,in_port=%d,dl_vlan=%d,dl_dst=fa:16:3e:%02x:%02x:%02x actions=strip_vlan,load:0x%x->NXM_NX_REG5[],resubmit(,81),output:%d",
              0x565d7680690eea02L + i,
              i % 90000,
              i % 1000,
              i % 90,
              i * 7L,
              i * 640L,
              i % 3600,
              1 + i % 200,
              1 + i % 250,
              i % 4094,
              (i >> 16) & 0xff,
              (i >> 8) & 0xff,
              i & 0xff,
              i,
              1 + i % 250);
      lines.add(l);
      bytes += l.length() + 1;
    }
    CommandParser<?> parser = ParserRegistry.parserFor(Spec.OVS_OFCTL_DUMP_FLOWS).orElseThrow();
    SourceText text = new SourceText(Spec.OVS_OFCTL_DUMP_FLOWS, "generated", 1, "br-int", lines);
    double best = 0;
    for (int round = 0; round < 8; round++) {
      long t0 = System.nanoTime();
      int flows =
          ((io.vmflow.parse.OvsOfctlDumpFlows) parser.parse(text).value().orElseThrow())
              .flows()
              .size();
      double s = (System.nanoTime() - t0) / 1e9;
      best = Math.max(best, bytes / 1e6 / s);
      System.out.printf(
          Locale.ROOT,
          "round %d: %d flows, %.1f MB in %.3f s = %.1f MB/s%n",
          round,
          flows,
          bytes / 1e6,
          s,
          bytes / 1e6 / s);
    }
    System.out.printf(Locale.ROOT, "best: %.1f MB/s%n", best);
  }
}
