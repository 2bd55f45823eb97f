package io.vmflow.bench;

import io.vmflow.redact.RedactOptions;
import io.vmflow.redact.RedactResult;
import io.vmflow.redact.ReportRedactor;
import io.vmflow.report.Report;
import io.vmflow.report.ReportBuilder;
import io.vmflow.report.ReportInput;
import io.vmflow.report.ReportWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmark, not a test: renders {@link RenderLargeReport}'s generated report ({@code vms} VMs on
 * {@code hosts} hosts, folder or {@code --single-file}), then redacts it, in one JVM, and prints
 * both times (wall and the thread's CPU), so the two figures come from the same run.
 *
 * <pre>
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.RedactLargeReport /tmp/bench/report 2000 50 [--single-file]
 * </pre>
 */
public final class RedactLargeReport {

  private RedactLargeReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).toAbsolutePath();
    int vms = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int hosts = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    boolean single = List.of(args).contains("--single-file");
    Path sources = Files.createDirectories(out.resolveSibling(out.getFileName() + "-sources"));
    ReportInput input = RenderLargeReport.input(vms, hosts, sources);
    var threads = ManagementFactory.getThreadMXBean();

    long cpu0 = threads.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    Report report = ReportBuilder.build(input);
    if (single) {
      new ReportWriter().writeSingleFile(report, out);
    } else {
      new ReportWriter().write(report, out);
    }
    long renderMs = (System.nanoTime() - t0) / 1_000_000;
    long renderCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;

    Path copy = out.resolveSibling(out.getFileName() + "-redacted");
    cpu0 = threads.getCurrentThreadCpuTime();
    t0 = System.nanoTime();
    RedactResult r =
        new ReportRedactor()
            .redact(
                out,
                copy,
                new RedactOptions(List.of("web"), Optional.empty(), false, Optional.empty()));
    long redactMs = (System.nanoTime() - t0) / 1_000_000;
    long redactCpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;

    System.out.printf(
        Locale.ROOT,
        "%d VMs on %d hosts%s: rendered in %d ms (%d ms CPU), redacted in %d ms (%d ms CPU):"
            + " %d files, %.1f MB, %d masked values%n",
        vms,
        hosts,
        single ? " (single file)" : "",
        renderMs,
        renderCpu,
        redactMs,
        redactCpu,
        r.files(),
        size(copy) / 1e6,
        r.values());
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      long total = 0;
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        total += Files.size(p);
      }
      return total;
    }
  }
}
