package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cat /proc/net/dev}: two header lines, then one row per device, receive columns then
 * transmit columns:
 *
 * <pre>
 * Inter-|   Receive                                                |  Transmit
 *  face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
 * flannel.1:  190756     639    0    0    0     0          0         0    93071     737    0   13    0     0       0          0
 * </pre>
 *
 * Kept: every column, named by the header as {@code ip -s link} names them ({@code rx_errors},
 * {@code rx_dropped}, {@code tx_dropped}, {@code tx_collsns}, ...). The kernel's {@code drop}
 * receive column adds the missed count to the dropped one; {@code frame} sums length, overrun, CRC
 * and frame errors.
 */
final class ProcNetDevParser implements CommandParser<ProcNetDev> {

  //  face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs ...
  private static final Pattern COLUMNS =
      Pattern.compile("^\\s*face\\s*\\|(?<rx>[a-z ]+)\\|(?<tx>[a-z ]+)$");
  // Inter-|   Receive    |  Transmit
  private static final Pattern TITLE = Pattern.compile("^\\s*Inter-\\|.*$");
  //     lo: 22417287   50395    0 ...   /   eth0:1234 5 0 ... (older kernels, no space)
  private static final Pattern ROW =
      Pattern.compile("^\\s*(?<dev>[^\\s:]+):\\s*(?<v>\\d+(\\s+\\d+)*)\\s*$");

  @Override
  public Spec spec() {
    return Spec.PROC_NET_DEV;
  }

  @Override
  public Class<ProcNetDev> type() {
    return ProcNetDev.class;
  }

  @Override
  public Parsed<ProcNetDev> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<ProcNetDev.DeviceStats> out = new ArrayList<>();
    List<String> names = null;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher c = COLUMNS.matcher(l);
      Matcher r = ROW.matcher(l);
      if (c.matches()) {
        names = new ArrayList<>();
        for (String n : c.group("rx").trim().split("\\s+")) {
          names.add("rx_" + name(n));
        }
        for (String n : c.group("tx").trim().split("\\s+")) {
          names.add("tx_" + name(n));
        }
      } else if (r.matches() && names != null) {
        String[] v = r.group("v").split("\\s+");
        List<Counter> counters = new ArrayList<>();
        for (int k = 0; k < Math.min(v.length, names.size()); k++) {
          counters.add(new Counter(names.get(k), Long.parseLong(v[k]), source.lineNo(i)));
        }
        if (v.length != names.size()) {
          findings.add(
              ParseFindings.badValue(
                  source, i, v.length + " values for " + names.size() + " columns: '" + l + "'"));
        }
        out.add(new ProcNetDev.DeviceStats(r.group("dev"), counters, source.lineNo(i)));
      } else if (!l.isBlank() && !TITLE.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "/proc/net/dev"));
      }
    }
    if (out.isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "device row"));
    }
    return Parsed.of(new ProcNetDev(out), findings);
  }

  private static String name(String column) {
    return switch (column) {
      case "errs" -> "errors";
      case "drop" -> "dropped";
      case "colls" -> "collsns";
      default -> column;
    };
  }
}
