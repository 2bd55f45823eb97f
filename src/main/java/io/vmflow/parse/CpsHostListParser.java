package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.AsciiTable;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * FusionSphere {@code cps host-list}: hosts of the cloud with their roles and management IPs.
 *
 * <pre>
 * | 68569C29-D21D-B211-BB45-0018E1C5D866 | BC11HGSA0      | blockstorage-driver-kvm002,     | normal | 172.29.0.5  | 6.27.73.154 | 68569C29-D21D-B211-BB45-0018E1C5D866 |
 * </pre>
 *
 * With a header, columns are found by name ({@code id, hostname, roles, status, manageip, omip});
 * rows cut by {@code grep} have none and are read in that order, the remaining cells kept in {@code
 * extra} by position. A roles cell wrapped over several rows is joined.
 */
final class CpsHostListParser implements CommandParser<HostList> {

  static final List<String> COLUMNS =
      List.of("id", "hostname", "roles", "status", "manageip", "omip");

  @Override
  public Spec spec() {
    return Spec.CPS_HOST_LIST;
  }

  @Override
  public Class<HostList> type() {
    return HostList.class;
  }

  @Override
  public Parsed<HostList> parse(SourceText source) {
    AsciiTable.Table t = AsciiTable.parse(source.lines());
    List<String> header = new ArrayList<>(t.header());
    if (header.isEmpty()) {
      header.addAll(COLUMNS);
      int widest = t.rows().stream().mapToInt(r -> r.cells().size()).max().orElse(0);
      for (int i = COLUMNS.size(); i < widest; i++) {
        header.add("column" + (i + 1));
      }
    }
    AsciiTable.Table table = new AsciiTable.Table(header, t.rows(), t.other());
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, t.other(), "cps host-list", findings);
    List<HostList.CpsHost> hosts = new ArrayList<>();
    for (AsciiTable.Row r : table.rows()) {
      hosts.add(
          new HostList.CpsHost(
              table.get(r, "id"),
              table.get(r, "hostname"),
              table.get(r, "roles").replace("\n", " ").trim(),
              table.get(r, "status"),
              table.get(r, "manageip", "manage_ip"),
              table.get(r, "omip", "om_ip"),
              table.extra(r, COLUMNS),
              source.lineNo(r.index())));
    }
    return Parsed.of(new HostList(hosts), findings);
  }
}
