package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.AsciiTable;
import io.vmflow.parse.text.Cells;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code neutron net-list}: networks with their subnets, one {@code <subnet-id> <cidr>} per line of
 * the subnets cell.
 *
 * <pre>
 * | bef86639-5fee-45a3-8db5-0b20b6363ba2 | subnet-450e                               | 0d67a197-449f-47c2-8ed4-037fd3519644 10.0.0.0/24      |
 * </pre>
 *
 * Rows cut by {@code grep} are read as {@code id | name | subnets}.
 */
final class NeutronNetListParser implements CommandParser<NetworkList> {

  static final List<String> COLUMNS = List.of("id", "name", "subnets");

  // 0d67a197-449f-47c2-8ed4-037fd3519644 10.0.0.0/24   (cidr optional; v6 cidrs too)
  private static final Pattern SUBNET =
      Pattern.compile(
          "(?<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(\\s+(?<cidr>[0-9a-fA-F.:]+/\\d{1,3}))?");

  @Override
  public Spec spec() {
    return Spec.NEUTRON_NET_LIST;
  }

  @Override
  public Class<NetworkList> type() {
    return NetworkList.class;
  }

  @Override
  public Parsed<NetworkList> parse(SourceText source) {
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    AsciiTable.Table table =
        t.header().isEmpty() ? new AsciiTable.Table(COLUMNS, t.rows(), t.other()) : t;
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, t.other(), "net-list", findings);
    List<NetworkList.Network> nets = new ArrayList<>();
    for (AsciiTable.Row r : table.rows()) {
      String id = table.get(r, "id");
      if (!Cells.isUuid(id)) {
        findings.add(
            ParseFindings.badValue(
                source,
                r.index(),
                "network row without an id: '" + String.join(" | ", r.cells()) + "'"));
        continue;
      }
      nets.add(
          new NetworkList.Network(
              id,
              table.get(r, "name"),
              subnets(table.get(r, "subnets")),
              source.lineNo(r.index())));
    }
    return Parsed.of(new NetworkList(nets), findings);
  }

  static List<NetworkList.SubnetRef> subnets(String cell) {
    List<NetworkList.SubnetRef> out = new ArrayList<>();
    Matcher m = SUBNET.matcher(cell);
    while (m.find()) {
      out.add(
          new NetworkList.SubnetRef(m.group("id"), m.group("cidr") == null ? "" : m.group("cidr")));
    }
    return out;
  }
}
