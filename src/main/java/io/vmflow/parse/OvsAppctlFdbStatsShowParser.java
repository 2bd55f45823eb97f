package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl fdb/stats-show <bridge>}:
 *
 * <pre>
 * Statistics for bridge "br-int":
 *   Current/maximum MAC entries in the table: 12/50000
 *   Total number of learned MAC entries     : 21
 *   Total number of expired MAC entries     : 3
 *   Total number of evicted MAC entries     : 0
 *   Total number of port moved MAC entries  : 1
 * </pre>
 *
 * Kept: the bridge, current and maximum entries, learned, expired, evicted and moved totals.
 * Ignored: the static entry count of OVS 3.x.
 */
final class OvsAppctlFdbStatsShowParser implements CommandParser<OvsAppctlFdbStatsShow> {

  // Statistics for bridge "br-int":
  private static final Pattern BRIDGE =
      Pattern.compile("^Statistics for bridge \"(?<b>[^\"]*)\":$");
  //   Current/maximum MAC entries in the table: 12/50000
  private static final Pattern SIZE =
      Pattern.compile(
          "^\\s*Current/maximum MAC entries in the table\\s*: (?<c>\\d{1,18})/(?<m>\\d{1,18})$");
  //   Total number of evicted MAC entries     : 0   /   Current static MAC entries ... : 0
  private static final Pattern TOTAL =
      Pattern.compile(
          "^\\s*(Total number of (?<k>learned|expired|evicted|port moved)"
              + "|Current static) MAC entries( in the table)?\\s*: (?<v>\\d{1,18})$");

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_FDB_STATS_SHOW;
  }

  @Override
  public Class<OvsAppctlFdbStatsShow> type() {
    return OvsAppctlFdbStatsShow.class;
  }

  @Override
  public Parsed<OvsAppctlFdbStatsShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    Map<String, Long> totals = new HashMap<>();
    String bridge = source.subject();
    long current = -1;
    long max = -1;
    int line = 0;
    int evictedLine = 0;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher b = BRIDGE.matcher(l);
      Matcher s = SIZE.matcher(l);
      Matcher t = TOTAL.matcher(l);
      if (b.matches()) {
        bridge = b.group("b");
      } else if (s.matches()) {
        current = Long.parseLong(s.group("c"));
        max = Long.parseLong(s.group("m"));
        line = source.lineNo(i);
      } else if (t.matches()) {
        if (t.group("k") != null) {
          totals.put(t.group("k"), Long.parseLong(t.group("v")));
          evictedLine = t.group("k").equals("evicted") ? source.lineNo(i) : evictedLine;
        }
      } else if (!l.isBlank()) {
        findings.add(ParseFindings.unrecognised(source, i, "fdb/stats-show"));
      }
    }
    if (current < 0) {
      return Parsed.failed(ParseFindings.noData(source, "Current/maximum MAC entries line"));
    }
    return Parsed.of(
        new OvsAppctlFdbStatsShow(
            bridge,
            current,
            max,
            totals.getOrDefault("learned", 0L),
            totals.getOrDefault("expired", 0L),
            totals.getOrDefault("evicted", 0L),
            totals.getOrDefault("port moved", 0L),
            line,
            evictedLine),
        findings);
  }
}
