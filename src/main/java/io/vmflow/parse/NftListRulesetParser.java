package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nft list ruleset}, every family (ip, ip6, inet, arp, bridge, netdev):
 *
 * <pre>
 * table bridge vmflowsg {
 * 	chain forward {
 * 		type filter hook forward priority 0; policy accept;
 * 		oifname "tap3f1a2b4c-5d" icmp type echo-reply counter packets 40 bytes 3360 drop
 * 	}
 * }
 * </pre>
 *
 * Rules are the lines directly inside a chain block; sets, maps, flowtables and the chain's {@code
 * type ... hook} line are skipped. Kept: counter, verdict ({@code drop}, {@code reject}, {@code
 * accept}, {@code return}, {@code jump}/{@code goto}), {@code iifname}/{@code oifname} (also {@code
 * iif}/{@code oif}), protocol ({@code ip protocol}, {@code meta l4proto}, {@code icmp type}), ICMP
 * types, {@code ip saddr}/{@code daddr}. A netdev chain's hook device ({@code type filter hook
 * ingress device "qvb…"}) is the in-device (ingress) or out-device (egress) of each of its rules
 * that names none. iptables-nft's translations ({@code xt match physdev}) name no device: the
 * ip/ip6 tables' chain names still tie them to a port.
 */
final class NftListRulesetParser implements CommandParser<FirewallRules> {

  @Override
  public Spec spec() {
    return Spec.NFT_LIST_RULESET;
  }

  @Override
  public Class<FirewallRules> type() {
    return FirewallRules.class;
  }

  @Override
  public Parsed<FirewallRules> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<FirewallRules.Rule> rules = new ArrayList<>();
    String family = "";
    String table = "";
    String chain = "";
    // a netdev chain's hook device: its rules see only that device's frames, in that direction
    String hookIn = "";
    String hookOut = "";
    int depth = 0;
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i).trim();
      List<String> w = FirewallWords.split(line);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("}")) {
        depth = Math.max(0, depth - 1);
        continue;
      }
      boolean opens = line.endsWith("{");
      if (depth == 0 && w.size() >= 3 && w.get(0).equals("table")) {
        family = w.size() >= 4 ? w.get(1) : "ip";
        table = w.size() >= 4 ? w.get(2) : w.get(1);
      } else if (depth == 1 && w.get(0).equals("chain") && w.size() >= 2) {
        chain = w.get(1);
        hookIn = "";
        hookOut = "";
      } else if (depth == 2 && chain.length() > 0 && w.get(0).equals("type")) {
        String hook = after(w, "hook");
        String device = after(w, "device");
        hookIn = hook.equals("ingress") ? device : "";
        hookOut = hook.equals("egress") ? device : "";
      } else if (depth == 2 && chain.length() > 0 && !opens && !isChainHeader(w)) {
        FirewallRules.Rule r = rule(family, table, chain, w, line, source.lineNo(i));
        if (!hookIn.isEmpty() || !hookOut.isEmpty()) {
          r =
              new FirewallRules.Rule(
                  r.family(),
                  r.table(),
                  r.chain(),
                  r.packets(),
                  r.verdict(),
                  r.jump(),
                  r.protocol(),
                  r.icmpTypes(),
                  r.in().isEmpty() ? hookIn : r.in(),
                  r.out().isEmpty() ? hookOut : r.out(),
                  r.physdevIn(),
                  r.physdevOut(),
                  r.source(),
                  r.destination(),
                  r.text(),
                  r.line());
        }
        rules.add(r);
      } else if (depth == 0 && !opens) {
        findings.add(ParseFindings.unrecognised(source, i, "nft ruleset"));
      }
      if (opens) {
        depth++;
        if (depth == 2 && !w.get(0).equals("chain")) {
          chain = "";
        }
      }
    }
    return Parsed.of(new FirewallRules(rules), findings);
  }

  // the word after {@code key}, without a trailing ';' ("" when absent); a device set ({@code
  // devices = { a, b }}) is left unread
  private static String after(List<String> w, String key) {
    int k = w.indexOf(key);
    return k < 0 || k + 1 >= w.size() ? "" : w.get(k + 1).replace(";", "");
  }

  // type filter hook forward priority 0; policy accept;  /  policy drop;  /  comment "..."
  private static boolean isChainHeader(List<String> w) {
    String first = w.get(0);
    return first.equals("type") || first.equals("policy") || first.equals("comment");
  }

  private static FirewallRules.Rule rule(
      String family, String table, String chain, List<String> w, String text, int line) {
    long packets = -1;
    String verdict = "";
    String jump = "";
    String protocol = "";
    List<Integer> icmp = new ArrayList<>();
    String[] v = {"", "", "", ""}; // iifname, oifname, saddr, daddr
    for (int k = 0; k < w.size(); k++) {
      String x = w.get(k);
      String next = k + 1 < w.size() ? w.get(k + 1) : "";
      switch (x) {
        case "packets" -> packets = next.matches("\\d+") ? Long.parseLong(next) : packets;
        case "drop", "reject", "accept", "return" -> verdict = FirewallWords.verdict(x);
        case "jump", "goto" -> {
          verdict = "JUMP";
          jump = next;
        }
        case "iifname", "iif" -> v[0] = next.replace('*', '+');
        case "oifname", "oif" -> v[1] = next.replace('*', '+');
        case "saddr" -> v[2] = next;
        case "daddr" -> v[3] = next;
        case "protocol", "l4proto" -> protocol = FirewallWords.protocol(next);
        case "icmp", "icmpv6" -> {
          protocol = x;
          if (next.equals("type")) {
            icmpTypes(w, k + 2, icmp);
          }
        }
        default -> {}
      }
    }
    return new FirewallRules.Rule(
        family, table, chain, packets, verdict, jump, protocol, icmp, v[0], v[1], "", "", v[2],
        v[3], text, line);
  }

  // icmp type echo-reply ; icmp type { echo-request, echo-reply }
  private static void icmpTypes(List<String> w, int from, List<Integer> into) {
    if (from >= w.size()) {
      return;
    }
    if (!w.get(from).equals("{")) {
      into.add(FirewallWords.icmpType(w.get(from)));
      return;
    }
    for (int k = from + 1; k < w.size() && !w.get(k).equals("}"); k++) {
      into.add(FirewallWords.icmpType(w.get(k)));
    }
  }
}
