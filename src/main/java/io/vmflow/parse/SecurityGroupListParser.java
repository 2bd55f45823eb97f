package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code neutron security-group-list} and {@code openstack security group list}: each group's id
 * and name, which tie port-show's group ids to the names neutron's rule list prints.
 *
 * <pre>
 * +--------------------------------------+----------+----------------------+
 * | id                                   | name     | security_group_rules |
 * +--------------------------------------+----------+----------------------+
 * | 64fbc795-4c7f-4645-9565-7190ead608b4 | default  | egress, IPv4         |
 * | adc9c79d-7ac2-48bc-8572-116fba86b51e | myaccess | egress, IPv4         |
 * |                                      |          | egress, IPv6         |
 * </pre>
 *
 * Kept: id, name; ignored: the rules summary (the rule list has them), description, project, tags.
 */
final class SecurityGroupListParser implements CommandParser<SecurityGroupList> {

  static final List<String> COLUMNS = List.of("ID", "Name", "Description", "Project", "Tags");

  private final Spec spec;

  SecurityGroupListParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<SecurityGroupList> type() {
    return SecurityGroupList.class;
  }

  @Override
  public Parsed<SecurityGroupList> parse(SourceText source) {
    OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), COLUMNS);
    List<SecurityGroupList.Group> out = new ArrayList<>();
    for (OpenstackOutput.Row r : rows.rows()) {
      out.add(
          new SecurityGroupList.Group(
              SecurityGroupRuleListParser.join(r.get("ID", "id")),
              SecurityGroupRuleListParser.join(r.get("Name", "name")),
              source.lineNo(r.index())));
    }
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, rows.unreadable(), "security group", findings);
    return Parsed.of(new SecurityGroupList(out), findings);
  }
}
