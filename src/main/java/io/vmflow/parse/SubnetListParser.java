package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.Cells;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code neutron subnet-list} and {@code openstack subnet list} (table, {@code -f json}, {@code -f
 * value}):
 *
 * <pre>
 * +--------------------------------------+-------------------+---------------+------------------------------------------------+
 * | id                                   | name              | cidr          | allocation_pools                               |
 * +--------------------------------------+-------------------+---------------+------------------------------------------------+
 * | 552ca915-8bb6-46bf-b29c-3e0eceeef064 | net04__subnet     | 10.6.40.0/22  | {"start": "10.6.40.2", "end": "10.6.43.254"}   |
 * </pre>
 *
 * openstack prints {@code ID | Name | Network | Subnet}; rows without header are read in the
 * command's default column order.
 */
final class SubnetListParser implements CommandParser<SubnetList> {

  static final List<String> NEUTRON_COLUMNS = List.of("id", "name", "cidr", "allocation_pools");
  static final List<String> OPENSTACK_COLUMNS = List.of("ID", "Name", "Network", "Subnet");

  private final Spec spec;
  private final List<String> columns;

  SubnetListParser(Spec spec) {
    this.spec = spec;
    this.columns = spec == Spec.NEUTRON_SUBNET_LIST ? NEUTRON_COLUMNS : OPENSTACK_COLUMNS;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<SubnetList> type() {
    return SubnetList.class;
  }

  @Override
  public Parsed<SubnetList> parse(SourceText source) {
    OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), columns);
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, rows.unreadable(), "subnet list", findings);
    List<SubnetList.Subnet> out = new ArrayList<>();
    for (OpenstackOutput.Row r : rows.rows()) {
      String id = r.get("ID");
      if (!Cells.isUuid(id)) {
        findings.add(
            ParseFindings.badValue(
                source,
                r.index(),
                "subnet row without an id: '" + String.join(" | ", r.values().values()) + "'"));
        continue;
      }
      out.add(
          new SubnetList.Subnet(
              id,
              r.get("Name"),
              r.get("Network", "network_id"),
              r.get("Subnet", "cidr"),
              r.get("allocation_pools").replace("\n", " "),
              source.lineNo(r.index())));
    }
    return Parsed.of(new SubnetList(out), findings);
  }
}
