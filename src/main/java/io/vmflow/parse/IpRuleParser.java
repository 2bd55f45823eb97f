package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip rule list} (sos: {@code ip_rule_list}, {@code ip_-4_rule_list}, inside namespaces too):
 *
 * <pre>
 * 0:	from all lookup local
 * 71743:	from 192.168.21.18 lookup 16
 * 3232240897:	from 192.168.21.1/24 lookup 3232240897
 * </pre>
 *
 * Kept: priority, the selector and the table looked up. Ignored: other actions' arguments.
 */
final class IpRuleParser implements CommandParser<IpRule> {

  // 71743:\tfrom 192.168.21.18 lookup 16
  private static final Pattern RULE =
      Pattern.compile("^\\s*(\\d+):\\s+(.*?)(?:\\s+lookup\\s+(\\S+).*)?\\s*$");

  @Override
  public Spec spec() {
    return Spec.IP_RULE;
  }

  @Override
  public Class<IpRule> type() {
    return IpRule.class;
  }

  @Override
  public Parsed<IpRule> parse(SourceText source) {
    List<IpRule.Rule> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      Matcher m = RULE.matcher(line);
      if (m.matches() && m.group(1).length() <= 18) {
        out.add(
            new IpRule.Rule(
                Long.parseLong(m.group(1)),
                m.group(2),
                m.group(3) == null ? "" : m.group(3),
                source.lineNo(i)));
      } else if (!line.isBlank()) {
        findings.add(ParseFindings.unrecognised(source, i, "ip rule"));
      }
    }
    return Parsed.of(new IpRule(out), findings);
  }
}
