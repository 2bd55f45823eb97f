package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bridge -d link show} (also {@code bridge link}, {@code bridge -s -s -d link show} as sos
 * names it):
 *
 * <pre>
 * 2: ens3: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 master br-ens3 state forwarding priority 32 cost 100
 *     hairpin off guard off root_block off fastleave off learning on flood on mcast_flood on ... ens3
 * 9: br-ens3: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 master br-ens3 br-ens3
 * 17: veth1883dceb@if16: &lt;BROADCAST,MULTICAST,UP,LOWER_UP&gt; mtu 1500 master br-ens3 state forwarding priority 32 cost 2
 * </pre>
 *
 * Kept: index, name, peer, flags, mtu, master, STP state. Ignored: priority, cost, the {@code -d}
 * detail lines (indented) and {@code vlan} lines of old iproute2.
 */
final class BridgeLinkShowParser implements CommandParser<BridgeLinkShow> {

  // 17: veth1883dceb@if16: <...> mtu 1500 master br-ens3 state forwarding ...
  // iproute2 before 4.x: 2: eth0 state UP : <...> ...   and   89: veth0 state UP @(null): <...> ...
  private static final Pattern PORT =
      Pattern.compile(
          "^(\\d+):\\s+([^\\s:@]+)(?:@([^\\s:]+))?(?:\\s+state\\s+\\S+)?(?:\\s+@\\S+?)?\\s*:\\s+<([^>]*)>(.*)$");
  // eth0	1 PVID Egress Untagged   (vlan lines old iproute2 mixes into -d output)
  private static final Pattern VLAN_LINE =
      Pattern.compile("^\\S+\\s+\\d+(\\s+PVID)?(\\s+Egress Untagged)?\\s*$");

  @Override
  public Spec spec() {
    return Spec.BRIDGE_LINK_SHOW;
  }

  @Override
  public Class<BridgeLinkShow> type() {
    return BridgeLinkShow.class;
  }

  @Override
  public Parsed<BridgeLinkShow> parse(SourceText source) {
    List<BridgeLinkShow.Port> ports = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i).stripTrailing();
      Matcher m = PORT.matcher(line);
      if (m.matches()) {
        ports.add(port(m, source.lineNo(i)));
      } else if (!line.isBlank()
          && !(Character.isWhitespace(line.charAt(0)) && !ports.isEmpty())
          && !VLAN_LINE.matcher(line).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "bridge link"));
      }
    }
    if (ports.isEmpty() && !findings.isEmpty()) {
      findings.add(ParseFindings.noData(source, "bridge port"));
    }
    return Parsed.of(new BridgeLinkShow(ports), findings);
  }

  private static BridgeLinkShow.Port port(Matcher m, int line) {
    List<String> words = Arrays.asList(m.group(5).trim().split("\\s+"));
    return new BridgeLinkShow.Port(
        Integer.parseInt(m.group(1).length() > 9 ? "-1" : m.group(1)),
        m.group(2),
        m.group(3) == null ? "" : m.group(3),
        m.group(4).isEmpty() ? List.of() : List.of(m.group(4).split(",")),
        number(after(words, "mtu")),
        after(words, "master"),
        after(words, "state"),
        line);
  }

  private static String after(List<String> words, String key) {
    int i = words.indexOf(key);
    return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : "";
  }

  private static int number(String s) {
    return s.matches("\\d{1,9}") ? Integer.parseInt(s) : -1;
  }
}
