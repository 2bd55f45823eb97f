package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code iptables-save -c} and {@code ip6tables-save -c} (the counters are optional):
 *
 * <pre>
 * *filter
 * :FORWARD ACCEPT [0:0]
 * :neutron-openvswi-i3f1a2b4c-5 - [0:0]
 * [40:3360] -A neutron-openvswi-i3f1a2b4c-5 -p icmp -j DROP
 * [40:3360] -A neutron-openvswi-sg-chain -m physdev --physdev-out tap3f1a2b4c-5d --physdev-is-bridged -m comment --comment "Jump to the VM specific chain." -j neutron-openvswi-i3f1a2b4c-5
 * COMMIT
 * </pre>
 *
 * Kept: table, chain, counter, target, protocol, ICMP type, -i/-o, --physdev-in/out, -s/-d.
 * Ignored: chain policies, comments, other matches (kept in the rule's text).
 */
final class IptablesSaveParser implements CommandParser<FirewallRules> {

  // [40:3360] -A neutron-openvswi-sg-chain ... ; -A FORWARD -j neutron-openvswi-FORWARD (no -c)
  private static final Pattern RULE = Pattern.compile("^(?:\\[(\\d+):\\d+\\]\\s+)?-A\\s+(.*)$");

  @Override
  public Spec spec() {
    return Spec.IPTABLES_SAVE;
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
    String table = "filter";
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i).trim();
      Matcher m = RULE.matcher(line);
      if (line.startsWith("*")) {
        table = line.substring(1).trim();
      } else if (m.matches()) {
        long packets = m.group(1) == null ? -1 : Long.parseLong(m.group(1));
        rules.add(rule(family, table, packets, FirewallWords.split(m.group(2)), line, i, source));
      } else if (!line.isEmpty()
          && !line.startsWith("#")
          && !line.startsWith(":")
          && !line.equals("COMMIT")) {
        findings.add(ParseFindings.unrecognised(source, i, "iptables-save"));
      }
    }
    return Parsed.of(new FirewallRules(rules), findings);
  }

  private static FirewallRules.Rule rule(
      String family, String table, long packets, List<String> w, String text, int i, SourceText s) {
    String chain = w.get(0);
    String target = "";
    String protocol = "";
    List<Integer> icmp = new ArrayList<>();
    String[] dev = {"", "", "", "", "", ""}; // in, out, physdev-in, physdev-out, source, dest
    for (int k = 1; k + 1 < w.size(); k++) {
      String v = w.get(k + 1);
      switch (w.get(k)) {
        case "-j", "-g", "--jump", "--goto" -> target = v;
        case "-p", "--protocol" -> protocol = FirewallWords.protocol(v);
        case "--icmp-type", "--icmpv6-type" -> icmp.add(FirewallWords.icmpType(v));
        case "-i", "--in-interface" -> dev[0] = v;
        case "-o", "--out-interface" -> dev[1] = v;
        case "--physdev-in" -> dev[2] = v;
        case "--physdev-out" -> dev[3] = v;
        case "-s", "--source" -> dev[4] = v;
        case "-d", "--destination" -> dev[5] = v;
        default -> {
          continue;
        }
      }
      k++;
    }
    String verdict = FirewallWords.verdict(target);
    return new FirewallRules.Rule(
        family,
        table,
        chain,
        packets,
        verdict.isEmpty() && !target.isEmpty() ? "JUMP" : verdict,
        verdict.isEmpty() ? target : "",
        protocol,
        icmp,
        dev[0],
        dev[1],
        dev[2],
        dev[3],
        dev[4],
        dev[5],
        text,
        s.lineNo(i));
  }
}
