package io.vmflow.parse;

import java.util.List;

/** {@code ip rule list}: the policy routing rules, in priority order. */
public record IpRule(List<Rule> rules) implements ParsedRecord {

  public IpRule {
    rules = List.copyOf(rules);
  }

  /**
   * @param selector what the rule matches, as printed ({@code from 192.168.21.18})
   * @param table the table it looks up, "" when its action is another ({@code unreachable})
   */
  public record Rule(long priority, String selector, String table, int line) {}
}
