package io.vmflow.cli;

import io.vmflow.capture.CaptureReader;
import io.vmflow.finding.Finding;
import io.vmflow.ping.CapturePairing;
import io.vmflow.ping.PointFlowStats;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vmflow pings}: pairs the echoes of captures without a bundle, one row per capture point
 * and flow. Starts no Spring context: it is the quick tool for a capture at hand.
 */
@Command(
    name = "pings",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Pair ICMP echo requests and replies in pcap/pcapng captures, per capture point and flow.")
final class PingsCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON list instead of a table.")
  boolean json;

  @Parameters(
      arity = "1..*",
      paramLabel = "CAPTURE",
      description = "pcap, pcapng or gzipped capture files.")
  List<Path> captures;

  @Override
  public Integer call() throws Exception {
    return run(captures, json, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * Runs {@code vmflow pings ARGS} without picocli when the arguments are only capture files and
   * {@code --json}: picocli's reflection over the command costs about 0.15 s, more than pairing a
   * small capture. Empty for anything else (help, version, another option, no file), which the
   * caller hands to picocli.
   */
  static OptionalInt runPlain(String[] args) {
    boolean json = false;
    List<Path> captures = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--json")) {
        json = true;
      } else if (a.isEmpty() || a.startsWith("-")) {
        return OptionalInt.empty();
      } else {
        try {
          captures.add(Path.of(a));
        } catch (InvalidPathException e) {
          return OptionalInt.empty();
        }
      }
    }
    if (captures.isEmpty()) {
      return OptionalInt.empty();
    }
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    try {
      return OptionalInt.of(run(captures, json, out, err));
    } catch (Exception e) { // as VmflowMain's execution exception handler reports it
      err.println("vmflow: " + e.getMessage());
      return OptionalInt.of(ExitCodes.USAGE);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int run(List<Path> captures, boolean json, PrintWriter out, PrintWriter err)
      throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    int status = ExitCodes.OK;
    for (Path c : captures) {
      if (!Files.isRegularFile(c) || !Files.isReadable(c)) {
        err.println("vmflow pings: cannot read " + c);
        status = ExitCodes.USAGE;
        continue;
      }
      CapturePairing.Result r = CapturePairing.pair(c, c.getFileName().toString());
      for (Finding f : r.summary().findings()) {
        err.println("vmflow pings: " + c + ": " + f.code() + ": " + f.message());
        // a file that is not a capture at all is a usage error, not an empty result
        if (f.code().equals(CaptureReader.NOT_A_CAPTURE)) {
          status = ExitCodes.USAGE;
        }
      }
      for (PointFlowStats s : r.stats()) {
        rows.add(row(s));
      }
    }
    if (json) {
      out.println(PingsJson.write(rows));
    } else {
      table(out, rows);
    }
    out.flush();
    return status;
  }

  private static Map<String, Object> row(PointFlowStats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("point", s.point());
    m.put("src", s.src());
    m.put("dst", s.dst());
    m.put("id", s.id());
    m.put("requests", s.requests());
    m.put("replies", s.replies());
    m.put("answered", s.answered());
    m.put("unanswered", s.unanswered());
    m.put("outsideWindow", s.outsideWindow());
    m.put("duplicates", s.duplicates());
    // no reply, no round trip: null, not 0.000
    m.put("rttMinMs", s.answered() == 0 ? null : s.rttMinMs());
    m.put("rttAvgMs", s.answered() == 0 ? null : s.rttAvgMs());
    m.put("rttMaxMs", s.answered() == 0 ? null : s.rttMaxMs());
    return m;
  }

  private static void table(PrintWriter out, List<Map<String, Object>> rows) {
    out.printf(
        "%-18s %-40s %6s %8s %8s %8s %10s %8s %5s  %s%n",
        "POINT",
        "FLOW",
        "ID",
        "REQ",
        "REPLY",
        "ANSWERED",
        "UNANSWERED",
        "OUTSIDE",
        "DUP",
        "RTT min/avg/max ms");
    for (Map<String, Object> r : rows) {
      out.printf(
          Locale.ROOT,
          "%-18s %-40s %6d %8d %8d %8d %10d %8d %5d  %s%n",
          r.get("point"),
          r.get("src") + " > " + r.get("dst"),
          r.get("id"),
          r.get("requests"),
          r.get("replies"),
          r.get("answered"),
          r.get("unanswered"),
          r.get("outsideWindow"),
          r.get("duplicates"),
          r.get("rttMinMs") == null
              ? "-"
              : String.format(
                  Locale.ROOT,
                  "%.3f/%.3f/%.3f",
                  r.get("rttMinMs"),
                  r.get("rttAvgMs"),
                  r.get("rttMaxMs")));
    }
  }
}
