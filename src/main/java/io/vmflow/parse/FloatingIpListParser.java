package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code neutron floatingip-list} and {@code openstack floating ip list} (table, {@code -f json},
 * {@code -f value}):
 *
 * <pre>
 * +--------------------------------------+------------------+---------------------+--------------------------------------+
 * | id                                   | fixed_ip_address | floating_ip_address | port_id                              |
 * +--------------------------------------+------------------+---------------------+--------------------------------------+
 * | 04c18e73-675b-4273-a73a-afaf1e4f9811 | 10.0.1.5         | 163.3.124.7         | 37e9cfe5-d410-4625-963d-b7ea4347d72e |
 * | f917dede-6e0d-4c5a-8d02-7d5774d094ba | 10.0.2.10        | 163.3.124.13        | ed9bdc02-0f0d-4763-a993-e0972c6563fa |
 * +--------------------------------------+------------------+---------------------+--------------------------------------+
 * </pre>
 *
 * The openstack client prints {@code ID | Floating IP Address | Fixed IP Address | Port | Floating
 * Network | Project} ({@code None} where unassociated). Kept: id, floating and fixed address, port,
 * floating network. Ignored: project, and {@code --long}'s router, status, description, tags.
 */
final class FloatingIpListParser implements CommandParser<FloatingIpList> {

  static final List<String> NEUTRON_COLUMNS =
      List.of("id", "fixed_ip_address", "floating_ip_address", "port_id");
  static final List<String> OPENSTACK_COLUMNS =
      List.of(
          "ID", "Floating IP Address", "Fixed IP Address", "Port", "Floating Network", "Project");

  // 163.3.124.7   /   2001:db8::7
  private static final Pattern ADDRESS =
      Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+");

  private final Spec spec;

  FloatingIpListParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<FloatingIpList> type() {
    return FloatingIpList.class;
  }

  @Override
  public Parsed<FloatingIpList> parse(SourceText source) {
    List<String> columns =
        spec == Spec.NEUTRON_FLOATINGIP_LIST ? NEUTRON_COLUMNS : OPENSTACK_COLUMNS;
    OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), columns);
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, rows.unreadable(), "floating IP list", findings);
    List<FloatingIpList.FloatingIp> out = new ArrayList<>();
    for (OpenstackOutput.Row r : rows.rows()) {
      String floating = r.get("floating_ip_address", "Floating IP Address").trim();
      if (!ADDRESS.matcher(floating).matches()) {
        findings.add(
            ParseFindings.badValue(
                source,
                r.index(),
                "floating IP row without a floating address: '"
                    + String.join(" | ", r.values().values())
                    + "'"));
        continue;
      }
      out.add(
          new FloatingIpList.FloatingIp(
              r.get("id", "ID").trim(),
              floating,
              none(r.get("fixed_ip_address", "Fixed IP Address")),
              none(r.get("port_id", "Port")),
              none(r.get("floating_network_id", "Floating Network")),
              source.lineNo(r.index())));
    }
    return Parsed.of(new FloatingIpList(out), findings);
  }

  // the openstack client prints None for an unset column, neutron's a blank cell
  private static String none(String cell) {
    String v = cell.trim();
    return v.equals("None") || v.equals("null") ? "" : v;
  }
}
