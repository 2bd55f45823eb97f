package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ebtables -L --Lc} and {@code ebtables -t nat -L --Lc} (sos's ebtables plugin names them
 * {@code ebtables_-L}, {@code ebtables_-t_nat_-L}; counters with {@code --Lc}, rule numbers with
 * {@code --Ln}), the Linux bridge's own frame filter:
 *
 * <pre>
 * Bridge table: filter
 *
 * Bridge chain: FORWARD, entries: 4, policy: ACCEPT
 * -i tap3f1a2b4c-5d -j neutronMAC-tap3f1a2b4c-5d , pcnt = 13 -- bcnt = 860
 * -p IPv4 -o tap3f1a2b4c-5d --ip-proto icmp --ip-icmp-type echo-reply -j DROP , pcnt = 5 -- bcnt = 420
 * </pre>
 *
 * Kept: table, chain, counter ({@code pcnt}; -1 without {@code --Lc}), target (a user chain is a
 * jump), bridge ports {@code -i}/{@code -o}, IP protocol ({@code --ip-proto}, {@code --ip6-proto};
 * a non-IP {@code -p} such as {@code ARP} is the protocol itself), ICMP types and IP addresses. A
 * negated match ({@code -i ! tap+}) is left out rather than read as its opposite; MAC matches and
 * logical (bridge) devices are ignored.
 */
final class EbtablesListParser implements CommandParser<FirewallRules> {

  // Bridge table: filter
  private static final Pattern TABLE = Pattern.compile("^Bridge table: (\\S+)$");
  // Bridge chain: FORWARD, entries: 4, policy: ACCEPT
  private static final Pattern CHAIN = Pattern.compile("^Bridge chain: ([^,]+), entries: .*$");
  // [3 ]-p IPv4 ... -j DROP[ , pcnt = 5 -- bcnt = 420]: --Ln numbers, --Lc counters
  private static final Pattern RULE =
      Pattern.compile("^(?:\\d+\\.?\\s+)?(-.*?)(?:\\s*,\\s*pcnt = (\\d+) -- bcnt = \\d+)?\\s*$");

  @Override
  public Spec spec() {
    return Spec.EBTABLES_LIST;
  }

  @Override
  public Class<FirewallRules> type() {
    return FirewallRules.class;
  }

  @Override
  public Parsed<FirewallRules> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<FirewallRules.Rule> rules = new ArrayList<>();
    String table = "filter";
    String chain = "";
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i).trim();
      Matcher t = TABLE.matcher(line);
      Matcher c = CHAIN.matcher(line);
      Matcher r = RULE.matcher(line);
      if (line.isEmpty()) {
        continue;
      } else if (t.matches()) {
        table = t.group(1);
      } else if (c.matches()) {
        chain = c.group(1).trim();
      } else if (r.matches() && !chain.isEmpty()) {
        long packets = r.group(2) == null ? -1 : Long.parseLong(r.group(2));
        rules.add(rule(table, chain, packets, r.group(1).trim(), source.lineNo(i)));
      } else {
        findings.add(ParseFindings.unrecognised(source, i, "ebtables -L"));
      }
    }
    return Parsed.of(new FirewallRules(rules), findings);
  }

  private static FirewallRules.Rule rule(
      String table, String chain, long packets, String text, int line) {
    List<String> w = FirewallWords.split(text);
    String target = "";
    String ethertype = "";
    String protocol = "";
    String[] dev = {"", ""};
    String[] ip = {"", ""};
    List<Integer> icmp = new ArrayList<>();
    // "-i ! tap+" (legacy) and "! -i tap+": a negated option and its value are skipped
    for (int k = 0; k + 1 < w.size(); k++) {
      String opt = w.get(k);
      if (opt.equals("!") || w.get(k + 1).equals("!")) {
        k += 2;
        continue;
      }
      String v = w.get(k + 1);
      switch (opt) {
        case "-j", "--jump" -> target = v;
        case "-p", "--protocol" -> ethertype = v.toLowerCase(Locale.ROOT);
        case "--ip-proto", "--ip-protocol", "--ip6-proto", "--ip6-protocol" ->
            protocol = FirewallWords.protocol(v);
        case "--ip-icmp-type", "--ip6-icmp-type" -> icmp.add(FirewallWords.icmpType(v));
        case "-i", "--in-interface", "--in-if" -> dev[0] = v;
        case "-o", "--out-interface", "--out-if" -> dev[1] = v;
        case "--ip-src", "--ip-source", "--ip6-src", "--ip6-source" -> ip[0] = v;
        case "--ip-dst", "--ip-destination", "--ip6-dst", "--ip6-destination" -> ip[1] = v;
        default -> {}
      }
    }
    if (protocol.isEmpty() && !ethertype.isEmpty() && !ethertype.matches("ipv4|ipv6|0x0800")) {
      protocol = ethertype;
    }
    String verdict = FirewallWords.verdict(target);
    boolean jump = verdict.isEmpty() && !target.isEmpty() && !target.equals("CONTINUE");
    return new FirewallRules.Rule(
        "bridge",
        table,
        chain,
        packets,
        jump ? "JUMP" : verdict,
        jump ? target : "",
        protocol,
        icmp.stream().filter(x -> x >= 0).toList(),
        dev[0],
        dev[1],
        "",
        "",
        ip[0],
        ip[1],
        text,
        line);
  }
}
