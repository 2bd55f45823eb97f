package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-dpctl show} / {@code ovs-appctl dpctl/show [-s]}:
 *
 * <pre>
 * system@ovs-system:
 *   lookups: hit:36830 missed:4948 lost:0
 *   flows: 7
 *   port 0: ovs-system (internal)
 *   port 3: vxlan_sys_4789 (vxlan: packet_type=ptap)
 * </pre>
 *
 * Statistics lines ({@code -s}) are skipped.
 */
final class OvsDpctlShowParser implements CommandParser<OvsDpctlShow> {

  // system@ovs-system:   /   netdev@ovs-netdev:
  private static final Pattern DATAPATH =
      Pattern.compile("^(?<type>[\\w-]+)@(?<name>[\\w.-]+):\\s*$");
  //   port 3: vxlan_sys_4789 (vxlan: packet_type=ptap)
  private static final Pattern PORT =
      Pattern.compile(
          "^\\s+port (?<no>\\d+): (?<name>\\S+)(\\s+\\((?<type>[\\w-]+)(:\\s*(?<details>[^)]*))?\\))?\\s*$");
  private static final Pattern STATS =
      Pattern.compile(
          "^\\s+(lookups|flows|masks|cache|caches|RX|TX|collisions|port \\d+: \\S+ \\(.*)\\b.*|^\\s+[\\w ]+:.*$");

  @Override
  public Spec spec() {
    return Spec.OVS_DPCTL_SHOW;
  }

  @Override
  public Class<OvsDpctlShow> type() {
    return OvsDpctlShow.class;
  }

  @Override
  public Parsed<OvsDpctlShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsDpctlShow.Datapath> out = new ArrayList<>();
    String type = "";
    String name = "";
    int line = 0;
    List<OvsDpctlShow.DpPort> ports = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher d = DATAPATH.matcher(l);
      Matcher p = PORT.matcher(l);
      if (d.matches()) {
        if (!name.isEmpty()) {
          out.add(new OvsDpctlShow.Datapath(type, name, ports, line));
        }
        type = d.group("type");
        name = d.group("name");
        line = source.lineNo(i);
        ports = new ArrayList<>();
      } else if (p.matches()) {
        ports.add(
            new OvsDpctlShow.DpPort(
                Integer.parseInt(p.group("no")),
                p.group("name"),
                p.group("type") == null ? "" : p.group("type"),
                p.group("details") == null ? "" : p.group("details").trim(),
                source.lineNo(i)));
      } else if (!l.isBlank() && !STATS.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "dpctl show"));
      }
    }
    if (!name.isEmpty()) {
      out.add(new OvsDpctlShow.Datapath(type, name, ports, line));
    }
    return Parsed.of(new OvsDpctlShow(out), findings);
  }
}
