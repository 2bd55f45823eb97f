package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nova show <server>}: a {@code Property | Value} table. Field notes often keep one row:
 *
 * <pre>
 * | OS-EXT-SRV-ATTR:hypervisor_hostname  | 68569C29-D21D-B211-BB45-0018E1C5D866
 * </pre>
 *
 * Kept: id, name, status, {@code OS-EXT-SRV-ATTR:hypervisor_hostname}, {@code :host}, {@code
 * :instance_name}; every row in {@code fields}.
 */
final class NovaShowParser implements CommandParser<ServerShow> {

  @Override
  public Spec spec() {
    return Spec.NOVA_SHOW;
  }

  @Override
  public Class<ServerShow> type() {
    return ServerShow.class;
  }

  @Override
  public Parsed<ServerShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    PropertyTables.Properties p = PropertyTables.read(source, "nova show", findings);
    if (p.values().isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "property row"));
    }
    ServerShow show =
        new ServerShow(
            p.get("id", "ID"),
            p.get("name", "Name"),
            p.get("status", "Status"),
            p.get("OS-EXT-SRV-ATTR:hypervisor_hostname", "hypervisor_hostname"),
            p.get("OS-EXT-SRV-ATTR:host", "host"),
            p.get("OS-EXT-SRV-ATTR:instance_name", "instance_name"),
            p.values(),
            source.lineNo(p.firstRowIndex()));
    return Parsed.of(show, findings);
  }
}
