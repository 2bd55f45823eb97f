package io.vmflow.parse;

import java.util.List;

/**
 * A host's packet filter rules as {@code iptables-save -c}, {@code iptables -vnxL} (and their
 * ip6tables twins), {@code nft list ruleset} or {@code ebtables -L --Lc} print them: one shape for
 * the four formats, as {@link IpLink} is one shape for {@code ip link} and {@code ip addr}, so the
 * checks read rules without caring which tool printed them.
 */
public record FirewallRules(List<Rule> rules) implements ParsedRecord {

  public FirewallRules {
    rules = List.copyOf(rules);
  }

  /**
   * One rule.
   *
   * @param family {@code ip}, {@code ip6}, {@code inet}, {@code bridge}, {@code netdev}, {@code
   *     arp}
   * @param table {@code filter}, or the nft table's name
   * @param chain the chain holding the rule
   * @param packets the rule's packet counter, -1 when the output has none
   * @param verdict {@code DROP}, {@code REJECT}, {@code ACCEPT}, {@code RETURN}, {@code JUMP} or ""
   *     (no verdict: counting or marking only)
   * @param jump the chain jumped or gone to, "" when none
   * @param protocol {@code icmp}, {@code tcp}, ... ; "" for any
   * @param icmpTypes ICMP types matched, as numbers ({@code 0} echo reply, {@code 8} echo request);
   *     empty for any
   * @param in input device ({@code -i}, {@code iifname}); "" for any; a trailing {@code +} or
   *     {@code *} is a prefix wildcard
   * @param out output device
   * @param physdevIn bridge port the frame came in on ({@code --physdev-in})
   * @param physdevOut bridge port the frame goes out on ({@code --physdev-out})
   * @param source source address or CIDR, "" for any
   * @param destination destination address or CIDR, "" for any
   * @param text the rule as printed
   */
  public record Rule(
      String family,
      String table,
      String chain,
      long packets,
      String verdict,
      String jump,
      String protocol,
      List<Integer> icmpTypes,
      String in,
      String out,
      String physdevIn,
      String physdevOut,
      String source,
      String destination,
      String text,
      int line) {
    public Rule {
      icmpTypes = List.copyOf(icmpTypes);
    }

    /** True for a rule that discards what it matches. */
    public boolean discards() {
      return verdict.equals("DROP") || verdict.equals("REJECT");
    }

    /** Every device the rule names, in any role. */
    public List<String> devices() {
      return java.util.stream.Stream.of(in, out, physdevIn, physdevOut)
          .filter(d -> !d.isEmpty())
          .toList();
    }
  }
}
