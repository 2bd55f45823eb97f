package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl ofproto/list-tunnels}:
 *
 * <pre>
 * port 7: vxlan-0a000085 (vxlan: 10.0.0.128->10.0.0.133, key=flow, legacy_l2, dp port=7, ttl=64)
 * </pre>
 *
 * A wildcard local endpoint ({@code ::->10.0.0.133}) is kept as printed.
 */
final class OvsAppctlOfprotoListTunnelsParser implements CommandParser<OvsTunnels> {

  // port 7: vxlan-0a000085 (vxlan: 10.0.0.128->10.0.0.133, key=flow, legacy_l2, dp port=7, ttl=64)
  private static final Pattern TUNNEL =
      Pattern.compile(
          "^\\s*port (?<no>\\d+): (?<name>\\S+) \\((?<type>[\\w-]+): (?<local>[^,\\s]*)->(?<remote>[^,\\s)]*)(?<rest>.*)\\)\\s*$");

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_OFPROTO_LIST_TUNNELS;
  }

  @Override
  public Class<OvsTunnels> type() {
    return OvsTunnels.class;
  }

  @Override
  public Parsed<OvsTunnels> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsTunnels.Tunnel> out = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = TUNNEL.matcher(lines.get(i));
      if (m.matches()) {
        out.add(
            new OvsTunnels.Tunnel(
                Integer.parseInt(m.group("no")),
                m.group("name"),
                m.group("type"),
                m.group("local"),
                m.group("remote"),
                m.group("rest").replaceFirst("^,\\s*", ""),
                source.lineNo(i)));
      } else if (!lines.get(i).isBlank()) {
        findings.add(ParseFindings.unrecognised(source, i, "list-tunnels"));
      }
    }
    return Parsed.of(new OvsTunnels(out), findings);
  }
}
