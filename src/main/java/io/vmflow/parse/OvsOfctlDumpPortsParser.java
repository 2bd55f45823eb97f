package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-ofctl dump-ports <bridge>} (OpenFlow 1.0 and, with {@code -O OpenFlow13}, 1.3+):
 *
 * <pre>
 * OFPST_PORT reply (xid=0x2): 4 ports
 *   port LOCAL: rx pkts=0, bytes=0, drop=0, errs=0, frame=0, over=0, crc=0
 *            tx pkts=0, bytes=0, drop=6, errs=0, coll=0
 *   port  1: rx pkts=28, bytes=2476, drop=?, errs=?, frame=?, over=?, crc=?
 *            tx pkts=30, bytes=3622, drop=?, errs=?, coll=?
 * </pre>
 *
 * Kept: each port's {@code rx}/{@code tx} counters, named as {@code ip -s link} names them ({@code
 * pkts} is {@code rx_packets}, {@code drop} {@code rx_dropped}, {@code errs} {@code rx_errors},
 * {@code over} {@code rx_overrun}); {@code ?} (not supported by the port) is left out. The {@code
 * duration=} lines of OpenFlow 1.3 are skipped.
 */
final class OvsOfctlDumpPortsParser implements CommandParser<OvsOfctlDumpPorts> {

  // OFPST_PORT reply (xid=0x2): 4 ports   /   OFPST_PORT reply (OF1.3) (xid=0x2): 1 ports
  private static final Pattern HEADER = Pattern.compile("^OFPST_PORT reply\\b.*$");
  //   port LOCAL: rx pkts=0, ...   /   port  1: rx ...   /   port  "s1-eth2": rx ...
  private static final Pattern PORT =
      Pattern.compile("^\\s*port\\s+\"?(?<port>[^\":\\s]+)\"?:\\s+rx\\s+(?<kv>.*)$");
  //            tx pkts=30, bytes=3622, drop=?, errs=?, coll=?
  private static final Pattern TX = Pattern.compile("^\\s+tx\\s+(?<kv>.*)$");
  //            duration=1234.567s
  private static final Pattern DURATION = Pattern.compile("^\\s+duration=\\S+\\s*$");
  // pkts=28   /   drop=?
  private static final Pattern KV = Pattern.compile("(?<k>[a-z]+)=(?<v>\\d{1,18}|\\?)");
  private static final Map<String, String> NAMES =
      Map.of(
          "pkts", "packets",
          "drop", "dropped",
          "errs", "errors",
          "over", "overrun",
          "coll", "collsns");

  @Override
  public Spec spec() {
    return Spec.OVS_OFCTL_DUMP_PORTS;
  }

  @Override
  public Class<OvsOfctlDumpPorts> type() {
    return OvsOfctlDumpPorts.class;
  }

  @Override
  public Parsed<OvsOfctlDumpPorts> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsOfctlDumpPorts.PortStats> ports = new ArrayList<>();
    List<Counter> counters = null;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher p = PORT.matcher(l);
      Matcher tx = TX.matcher(l);
      if (p.matches()) {
        counters = new ArrayList<>();
        add(counters, "rx_", p.group("kv"), source.lineNo(i));
        ports.add(new OvsOfctlDumpPorts.PortStats(p.group("port"), List.of(), source.lineNo(i)));
      } else if (tx.matches() && counters != null) {
        add(counters, "tx_", tx.group("kv"), source.lineNo(i));
      } else if (!l.isBlank() && !HEADER.matcher(l).matches() && !DURATION.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "dump-ports"));
        continue;
      }
      if (counters != null && !ports.isEmpty()) {
        OvsOfctlDumpPorts.PortStats last = ports.get(ports.size() - 1);
        ports.set(
            ports.size() - 1, new OvsOfctlDumpPorts.PortStats(last.port(), counters, last.line()));
      }
    }
    return Parsed.of(new OvsOfctlDumpPorts("", ports), findings);
  }

  private static void add(List<Counter> into, String dir, String kv, int line) {
    Matcher m = KV.matcher(kv);
    while (m.find()) {
      if (!m.group("v").equals("?")) {
        String name = dir + NAMES.getOrDefault(m.group("k"), m.group("k"));
        into.add(new Counter(name, Long.parseLong(m.group("v")), line));
      }
    }
  }
}
