package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.AsciiTable;
import io.vmflow.parse.text.Cells;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code nova list [--all-tenants]}:
 *
 * <pre>
 * +--------------------------------------+------+--------+------------+-------------+------------------+
 * | ID                                   | Name | Status | Task State | Power State | Networks         |
 * +--------------------------------------+------+--------+------------+-------------+------------------+
 * | 8851611c-b34d-4f90-8670-273fe1e9dec3 | vm1  | ACTIVE | -          | Running     | net1=10.0.0.17   |
 * +--------------------------------------+------+--------+------------+-------------+------------------+
 * </pre>
 *
 * Rows cut by {@code grep} keep their cells in this column order; a bare UUID line (an output
 * trimmed to the id, as in field notes) yields a server with only its id. Other columns are kept in
 * {@code extra}.
 */
final class NovaListParser implements CommandParser<ServerList> {

  static final List<String> COLUMNS =
      List.of("ID", "Name", "Status", "Task State", "Power State", "Networks");

  @Override
  public Spec spec() {
    return Spec.NOVA_LIST;
  }

  @Override
  public Class<ServerList> type() {
    return ServerList.class;
  }

  @Override
  public Parsed<ServerList> parse(SourceText source) {
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    List<String> header = t.header().isEmpty() ? COLUMNS : t.header();
    AsciiTable.Table table = new AsciiTable.Table(header, t.rows(), t.other());
    List<Finding> findings = new ArrayList<>();
    List<ServerList.Server> servers = new ArrayList<>();
    for (AsciiTable.Row r : table.rows()) {
      String networks = table.get(r, "Networks");
      servers.add(
          new ServerList.Server(
              table.get(r, "ID"),
              table.get(r, "Name"),
              table.get(r, "Status"),
              table.get(r, "Task State"),
              table.get(r, "Power State"),
              networks,
              Cells.ips(networks),
              table.extra(r, COLUMNS),
              source.lineNo(r.index())));
    }
    for (int i : table.other()) {
      String line = source.lines().get(i).trim();
      if (Cells.isUuid(line)) {
        servers.add(
            new ServerList.Server(line, "", "", "", "", "", List.of(), Map.of(), source.lineNo(i)));
      } else {
        findings.add(ParseFindings.unrecognised(source, i, "nova list"));
      }
    }
    return Parsed.of(new ServerList(servers), findings);
  }
}
