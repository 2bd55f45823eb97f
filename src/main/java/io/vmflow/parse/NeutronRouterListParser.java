package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.AsciiTable;
import io.vmflow.parse.text.Cells;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code neutron router-list}: routers with their gateway and whether they are distributed (DVR) or
 * HA.
 *
 * <pre>
 * | 3da5aa7d-2dc0-4a49-895d-877e92b39256 | vpc-ipv4          | {"network_id": "85fa...", "enable_snat": false, ...}   | True        | False |
 * </pre>
 *
 * Rows cut by {@code grep} are read as {@code id | name | external_gateway_info | distributed |
 * ha}.
 */
final class NeutronRouterListParser implements CommandParser<RouterList> {

  static final List<String> COLUMNS =
      List.of("id", "name", "external_gateway_info", "distributed", "ha");

  @Override
  public Spec spec() {
    return Spec.NEUTRON_ROUTER_LIST;
  }

  @Override
  public Class<RouterList> type() {
    return RouterList.class;
  }

  @Override
  public Parsed<RouterList> parse(SourceText source) {
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    AsciiTable.Table table =
        t.header().isEmpty() ? new AsciiTable.Table(COLUMNS, t.rows(), t.other()) : t;
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, t.other(), "router-list", findings);
    List<RouterList.Router> routers = new ArrayList<>();
    for (AsciiTable.Row r : table.rows()) {
      String id = table.get(r, "id", "ID");
      if (!Cells.isUuid(id)) {
        findings.add(
            ParseFindings.badValue(
                source,
                r.index(),
                "router row without an id: '" + String.join(" | ", r.cells()) + "'"));
        continue;
      }
      routers.add(
          new RouterList.Router(
              id,
              table.get(r, "name", "Name"),
              table.get(r, "status", "Status"),
              table.get(r, "external_gateway_info").replace("\n", " "),
              Cells.bool(table.get(r, "distributed", "Distributed")),
              Cells.bool(table.get(r, "ha", "HA")),
              source.lineNo(r.index())));
    }
    return Parsed.of(new RouterList(routers), findings);
  }
}
