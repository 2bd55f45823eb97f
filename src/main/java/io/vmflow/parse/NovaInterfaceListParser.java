package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.parse.text.AsciiTable;
import io.vmflow.parse.text.Cells;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nova interface-list <server>}:
 *
 * <pre>
 * +------------+--------------------------------------+--------------------------------------+--------------+-------------------+
 * | Port State | Port ID                              | Net ID                               | IP addresses | MAC Addr          |
 * +------------+--------------------------------------+--------------------------------------+--------------+-------------------+
 * | ACTIVE     | 81e4a23a-4053-40ce-9044-4edbe385b791 | bef86639-5fee-45a3-8db5-0b20b6363ba2 | 10.0.0.17    | fa:16:3e:29:fb:13 |
 * +------------+--------------------------------------+--------------------------------------+--------------+-------------------+
 * </pre>
 *
 * The server id comes from the command line ({@link SourceText#subject()}).
 */
final class NovaInterfaceListParser implements CommandParser<InterfaceList> {

  static final List<String> COLUMNS =
      List.of("Port State", "Port ID", "Net ID", "IP addresses", "MAC Addr");

  @Override
  public Spec spec() {
    return Spec.NOVA_INTERFACE_LIST;
  }

  @Override
  public Class<InterfaceList> type() {
    return InterfaceList.class;
  }

  @Override
  public Parsed<InterfaceList> parse(SourceText source) {
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    AsciiTable.Table table =
        t.header().isEmpty() ? new AsciiTable.Table(COLUMNS, t.rows(), t.other()) : t;
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, t.other(), "nova interface-list", findings);
    List<InterfaceList.VmInterface> out = new ArrayList<>();
    for (AsciiTable.Row r : table.rows()) {
      String portId = table.get(r, "Port ID");
      String mac = table.get(r, "MAC Addr", "MAC Address");
      if (!Cells.isUuid(portId) || (!mac.isEmpty() && MacAddress.parse(mac).isEmpty())) {
        findings.add(
            ParseFindings.badValue(
                source,
                r.index(),
                "incomplete interface row: '" + String.join(" | ", r.cells()) + "'"));
        if (!Cells.isUuid(portId)) {
          continue;
        }
      }
      out.add(
          new InterfaceList.VmInterface(
              table.get(r, "Port State"),
              portId,
              table.get(r, "Net ID"),
              Cells.ips(table.get(r, "IP addresses", "IP Address")),
              MacAddress.parse(mac),
              source.lineNo(r.index())));
    }
    return Parsed.of(new InterfaceList(source.subject(), out), findings);
  }
}
