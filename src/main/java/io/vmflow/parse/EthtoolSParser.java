package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ethtool -S <nic>}: a header, then one indented {@code name: value} line per driver
 * counter:
 *
 * <pre>
 * NIC statistics:
 *      rx_queue_0_packets: 25933187
 *      rx_queue_0_drops: 0
 *      tx_queue_0_kicks: 24869415
 * </pre>
 *
 * Kept: every counter, by the driver's name. A device without driver counters prints {@code no
 * stats available}: an empty record, no finding.
 */
final class EthtoolSParser implements CommandParser<EthtoolS> {

  // NIC statistics:
  private static final Pattern HEADER = Pattern.compile("^NIC statistics:\\s*$");
  //      rx_queue_0_drops: 0   /   [0]: rx_packets: 12 (mlx5 per-queue form)   /   tx-0.bytes: 9
  private static final Pattern COUNTER =
      Pattern.compile("^\\s+(?<k>[^:]+(: [^:]+)?):\\s+(?<v>\\d{1,19})\\s*$");
  // no stats available   /   no stats available (from ethtool 5.x on a bridge or tap)
  private static final Pattern NONE = Pattern.compile("^no stats available\\s*$");

  @Override
  public Spec spec() {
    return Spec.ETHTOOL_S;
  }

  @Override
  public Class<EthtoolS> type() {
    return EthtoolS.class;
  }

  @Override
  public Parsed<EthtoolS> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<Counter> counters = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher m = COUNTER.matcher(l);
      if (m.matches()) {
        String v = m.group("v");
        if (v.length() > 18 && v.compareTo("9223372036854775807") > 0) {
          findings.add(ParseFindings.badValue(source, i, "counter out of range: '" + l + "'"));
          continue;
        }
        counters.add(new Counter(m.group("k").trim(), Long.parseLong(v), source.lineNo(i)));
      } else if (!l.isBlank() && !HEADER.matcher(l).matches() && !NONE.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "ethtool -S"));
      }
    }
    return Parsed.of(new EthtoolS(source.subject(), counters), findings);
  }
}
