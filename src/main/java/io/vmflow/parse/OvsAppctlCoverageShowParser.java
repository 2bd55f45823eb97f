package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl coverage/show}: a header, one line per event that happened at least once, and
 * the count of those that never did:
 *
 * <pre>
 * Event coverage, avg rate over last: 5 seconds, last minute, last hour,  hash=4dd3c33f:
 * bridge_reconfigure         0.0/sec     0.050/sec        0.0169/sec   total: 129
 * mac_learning_expired       0.0/sec     0.000/sec        0.0028/sec   total: 118
 * 79 events never hit
 * </pre>
 *
 * Kept: each event's name, last-minute and last-hour rates and total. The 5-second rate is ignored
 * (a snapshot too short to judge).
 */
final class OvsAppctlCoverageShowParser implements CommandParser<OvsAppctlCoverageShow> {

  // Event coverage, avg rate over last: 5 seconds, last minute, last hour,  hash=4dd3c33f:
  private static final Pattern HEADER = Pattern.compile("^Event coverage\\b.*$");
  // drop_action_of_pipeline   0.0/sec     0.017/sec        0.0031/sec   total: 11
  private static final Pattern EVENT =
      Pattern.compile(
          "^(?<name>\\w+)\\s+(?<s>[\\d.]+)/sec\\s+(?<m>[\\d.]+)/sec\\s+(?<h>[\\d.]+)/sec"
              + "\\s+total: (?<t>\\d{1,18})\\s*$");
  // 113 events never hit
  private static final Pattern NEVER = Pattern.compile("^\\d+ events never hit\\s*$");

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_COVERAGE_SHOW;
  }

  @Override
  public Class<OvsAppctlCoverageShow> type() {
    return OvsAppctlCoverageShow.class;
  }

  @Override
  public Parsed<OvsAppctlCoverageShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsAppctlCoverageShow.Event> out = new ArrayList<>();
    boolean header = false;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher e = EVENT.matcher(l);
      if (e.matches()) {
        out.add(
            new OvsAppctlCoverageShow.Event(
                e.group("name"),
                rate(e.group("m")),
                rate(e.group("h")),
                Long.parseLong(e.group("t")),
                source.lineNo(i)));
      } else if (HEADER.matcher(l).matches()) {
        header = true;
      } else if (!l.isBlank() && !NEVER.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "coverage/show"));
      }
    }
    if (!header && out.isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "coverage event"));
    }
    return Parsed.of(new OvsAppctlCoverageShow(out), findings);
  }

  private static double rate(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
