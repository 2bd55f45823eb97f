package io.vmflow.parse;

import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code neutron security-group-rule-list} and {@code openstack security group rule list}, one
 * record for both:
 *
 * <pre>
 * +--------------------------------------+----------------+-----------+-----------+---------------+-----------------+
 * | id                                   | security_group | direction | ethertype | protocol/port | remote          |
 * +--------------------------------------+----------------+-----------+-----------+---------------+-----------------+
 * | 65489805-0400-4bce-9bd9-16a81952263c | default        | egress    | IPv4      | any           | any             |
 * | 9429f336-4947-4643-bbd9-24528cc65648 | default        | ingress   | IPv4      | any           | default (group) |
 * </pre>
 *
 * The openstack client prints {@code ID | IP Protocol | Ethertype | IP Range | Port Range |
 * Direction | Remote Security Group [| Remote Address Group] [| Security Group]}; older clients
 * leave Direction out (kept as ""), a per-group listing leaves the group out (the command's subject
 * then). Cells wrapped over lines are joined. Kept: id, group, direction, ethertype, protocol
 * ({@code None}/{@code any} = any), port range, remote prefix, remote group; ignored: remote
 * address group, description.
 */
final class SecurityGroupRuleListParser implements CommandParser<SecurityGroupRuleList> {

  static final List<String> COLUMNS =
      List.of(
          "ID",
          "IP Protocol",
          "Ethertype",
          "IP Range",
          "Port Range",
          "Direction",
          "Remote Security Group");

  // neutron's remote cell: "default (group)", "0.0.0.0/0 (CIDR)", "any"
  private static final Pattern REMOTE = Pattern.compile("(.+?)\\s*\\((group|CIDR)\\)");

  private final Spec spec;

  SecurityGroupRuleListParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<SecurityGroupRuleList> type() {
    return SecurityGroupRuleList.class;
  }

  @Override
  public Parsed<SecurityGroupRuleList> parse(SourceText source) {
    OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), COLUMNS);
    List<SecurityGroupRuleList.Rule> out = new ArrayList<>();
    List<io.vmflow.finding.Finding> findings = new ArrayList<>();
    for (OpenstackOutput.Row r : wrapped(rows.rows())) {
      if (r.get("Ethertype", "ethertype").isEmpty()) {
        // every rule has IPv4 or IPv6: a row without is cut off
        findings.add(ParseFindings.unrecognised(source, r.index(), "security group rule"));
        continue;
      }
      String group = join(r.get("Security Group", "security_group", "security_group_id"));
      String protocol = join(r.get("IP Protocol", "protocol"));
      String port = join(r.get("Port Range", "port_range"));
      String protoPort = join(r.get("protocol/port"));
      if (!protoPort.isEmpty()) {
        int slash = protoPort.indexOf('/');
        protocol = slash < 0 ? protoPort : protoPort.substring(slash + 1);
        port = slash < 0 ? "" : protoPort.substring(0, slash);
      }
      String prefix = none(join(r.get("IP Range", "remote_ip_prefix")));
      String remoteGroup = none(join(r.get("Remote Security Group", "remote_group_id")));
      Matcher m = REMOTE.matcher(join(r.get("remote")));
      if (m.matches()) {
        prefix = m.group(2).equals("CIDR") ? m.group(1) : prefix;
        remoteGroup = m.group(2).equals("group") ? m.group(1) : remoteGroup;
      }
      out.add(
          new SecurityGroupRuleList.Rule(
              join(r.get("ID", "id")),
              group.isEmpty() ? source.subject() : group,
              join(r.get("Direction", "direction")).toLowerCase(Locale.ROOT),
              join(r.get("Ethertype", "ethertype")),
              protocol(protocol),
              none(port),
              prefix,
              remoteGroup,
              source.lineNo(r.index())));
    }
    ParseFindings.unrecognisedAll(source, rows.unreadable(), "security group rule", findings);
    return Parsed.of(new SecurityGroupRuleList(out), findings);
  }

  /**
   * Rows the terminal width wrapped: the client splits long ids over lines, so a row whose id cell
   * goes on is followed by one holding the rest of each cell and nothing of its own.
   *
   * <pre>
   * | 3a3ccdd6-d8be-445d-  | tcp         | IPv4      | 0.0.0.0/0 | 22:22      | ingress   |
   * | 8e9b-e20d80b1c1ea    |             |           |           |            |           |
   * </pre>
   */
  private static List<OpenstackOutput.Row> wrapped(List<OpenstackOutput.Row> rows) {
    List<OpenstackOutput.Row> out = new ArrayList<>();
    for (OpenstackOutput.Row r : rows) {
      OpenstackOutput.Row last = out.isEmpty() ? null : out.get(out.size() - 1);
      boolean more =
          last != null
              && last.get("ID", "id").endsWith("-")
              && r.get("Ethertype", "ethertype").isEmpty()
              && r.get("IP Protocol", "protocol/port", "protocol").isEmpty();
      if (!more) {
        out.add(r);
        continue;
      }
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>(last.values());
      r.values().forEach((k, v) -> m.merge(k, v, (a, b) -> b.isEmpty() ? a : a + "\n" + b));
      out.set(out.size() - 1, new OpenstackOutput.Row(m, last.index()));
    }
    return out;
  }

  // a wrapped cell: "3a3ccdd6-d8be-445d-\n8e9b-e20d80b1c1ea"
  static String join(String cell) {
    return cell.replaceAll("-\\s*\\n\\s*", "-").replaceAll("\\s*\\n\\s*", " ").trim();
  }

  private static String none(String v) {
    return v.equalsIgnoreCase("None") || v.equalsIgnoreCase("any") || v.equals("null") ? "" : v;
  }

  private static String protocol(String p) {
    String v = p.toLowerCase(Locale.ROOT);
    return v.isEmpty() || v.equals("none") || v.equals("null") ? "any" : v;
  }
}
