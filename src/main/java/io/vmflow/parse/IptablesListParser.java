package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code iptables -vnxL} / {@code ip6tables -vnxL} / {@code iptables -t filter -nvL} (sos's
 * firewall_tables plugin):
 *
 * <pre>
 * Chain neutron-openvswi-i3f1a2b4c-5 (1 references)
 *     pkts      bytes target     prot opt in     out     source               destination
 *       40     3360 DROP       1    --  *      *       0.0.0.0/0            0.0.0.0/0
 *        0        0 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0            state RELATED,ESTABLISHED
 * </pre>
 *
 * Columns are found from the two address columns (always CIDRs with {@code -n}), so a rule without
 * a target and ip6tables' empty {@code opt} column read alike. Kept: chain, counter, target,
 * protocol, in/out, source/destination, {@code PHYSDEV match --physdev-in/out} and {@code icmptype}
 * from the trailing text. Counters printed as {@code 12K} (without {@code -x}) are read as
 * multiples of 1000.
 */
final class IptablesListParser implements CommandParser<FirewallRules> {

  // Chain FORWARD (policy ACCEPT 0 packets, 0 bytes); Chain neutron-openvswi-sg-chain (1
  // references)
  private static final Pattern CHAIN = Pattern.compile("^Chain\\s+(\\S+)\\s+\\(.*\\)\\s*$");
  // 40 3360 DROP 1 -- * * 0.0.0.0/0 0.0.0.0/0 ; 12K 1008K ACCEPT all ...
  private static final Pattern COUNT = Pattern.compile("^\\d+[KMGT]?$");

  @Override
  public Spec spec() {
    return Spec.IPTABLES_LIST;
  }

  @Override
  public Class<FirewallRules> type() {
    return FirewallRules.class;
  }

  @Override
  public Parsed<FirewallRules> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<FirewallRules.Rule> rules = new ArrayList<>();
    String family = source.origin().contains("ip6tables") ? "ip6" : "ip";
    String chain = "";
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i).trim();
      Matcher c = CHAIN.matcher(line);
      List<String> w = FirewallWords.split(line);
      if (c.matches()) {
        chain = c.group(1);
      } else if (line.isEmpty() || line.startsWith("pkts ")) {
        continue;
      } else {
        FirewallRules.Rule r = w.size() >= 6 ? row(family, chain, w, line, source.lineNo(i)) : null;
        if (r == null || chain.isEmpty()) {
          findings.add(ParseFindings.unrecognised(source, i, "iptables -L"));
        } else {
          rules.add(r);
        }
      }
    }
    return Parsed.of(new FirewallRules(rules), findings);
  }

  private static FirewallRules.Rule row(
      String family, String chain, List<String> w, String text, int line) {
    int src = -1;
    for (int k = 2; k + 1 < w.size(); k++) {
      if (w.get(k).contains("/") && w.get(k + 1).contains("/")) {
        src = k;
        break;
      }
    }
    if (src < 4 || !COUNT.matcher(w.get(0)).matches()) {
      return null;
    }
    List<String> head = new ArrayList<>();
    for (String x : w.subList(2, src - 2)) {
      if (!x.equals("--") && !x.equals("-f") && !x.equals("!f")) {
        head.add(x);
      }
    }
    String target = head.size() >= 2 ? head.get(0) : "";
    String protocol = head.isEmpty() ? "" : FirewallWords.protocol(head.get(head.size() - 1));
    String[] phys = {"", ""};
    List<Integer> icmp = new ArrayList<>();
    List<String> extra = w.subList(src + 2, w.size());
    for (int k = 0; k + 1 < extra.size(); k++) {
      switch (extra.get(k)) {
        case "--physdev-in" -> phys[0] = extra.get(k + 1);
        case "--physdev-out" -> phys[1] = extra.get(k + 1);
        case "icmptype", "ipv6-icmptype" -> icmp.add(FirewallWords.icmpType(extra.get(k + 1)));
        default -> {}
      }
    }
    String verdict = FirewallWords.verdict(target);
    return new FirewallRules.Rule(
        family,
        "filter",
        chain,
        count(w.get(0)),
        verdict.isEmpty() && !target.isEmpty() ? "JUMP" : verdict,
        verdict.isEmpty() ? target : "",
        protocol,
        icmp,
        any(w.get(src - 2)),
        any(w.get(src - 1)),
        phys[0],
        phys[1],
        any(w.get(src)),
        any(w.get(src + 1)),
        text,
        line);
  }

  private static String any(String v) {
    return v.equals("*") || v.equals("0.0.0.0/0") || v.equals("::/0") ? "" : v;
  }

  private static long count(String v) {
    char last = v.charAt(v.length() - 1);
    if (Character.isDigit(last)) {
      return Long.parseLong(v);
    }
    long n = Long.parseLong(v.substring(0, v.length() - 1));
    return switch (last) {
      case 'K' -> n * 1000;
      case 'M' -> n * 1000_000;
      case 'G' -> n * 1000_000_000L;
      default -> n * 1000_000_000_000L;
    };
  }
}
