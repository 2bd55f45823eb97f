package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.DeviceNames;
import io.vmflow.model.MacAddress;
import io.vmflow.parse.text.Cells;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code neutron port-show <port>} (and {@code openstack port show}, same table): a {@code Field |
 * Value} table. FusionSphere adds {@code alias_id}, the UUID its device names derive from:
 *
 * <pre>
 * +-----------------------+----------------------------------------------------------------------------------+
 * | Field                 | Value                                                                            |
 * +-----------------------+----------------------------------------------------------------------------------+
 * | admin_state_up        | True                                                                             |
 * | alias_id              | cell1:1c65142e-2a4f-4664-b702-2176122a2ea4                                       |
 * </pre>
 *
 * Kept: id (else the command's subject), name, alias_id without its {@code cell1:} prefix,
 * mac_address, network_id, fixed_ips, status, admin_state_up, device_id, device_owner,
 * binding:host_id; every row in {@code fields}.
 */
final class NeutronPortShowParser implements CommandParser<PortShow> {

  private final Spec spec;

  NeutronPortShowParser() {
    this(Spec.NEUTRON_PORT_SHOW);
  }

  NeutronPortShowParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<PortShow> type() {
    return PortShow.class;
  }

  @Override
  public Parsed<PortShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    PropertyTables.Properties p = PropertyTables.read(source, "port show", findings);
    if (p.values().isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "port property"));
    }
    String id = p.get("id");
    String alias = p.get("alias_id");
    List<PortShow.FixedIp> fixed = new ArrayList<>();
    for (String[] f : Cells.fixedIps(p.get("fixed_ips"))) {
      fixed.add(new PortShow.FixedIp(f[0], f[1]));
    }
    String mac = p.get("mac_address");
    if (!mac.isEmpty() && MacAddress.parse(mac).isEmpty()) {
      findings.add(
          ParseFindings.badValue(
              source, p.index("mac_address"), "not a MAC address: '" + mac + "'"));
    }
    PortShow port =
        new PortShow(
            id.isEmpty() ? source.subject() : id,
            p.get("name"),
            alias.isEmpty() ? "" : DeviceNames.stripCell(alias),
            MacAddress.parse(mac),
            p.get("network_id"),
            fixed,
            p.get("status"),
            Cells.bool(p.get("admin_state_up")),
            p.get("device_id"),
            p.get("device_owner"),
            p.get("binding:host_id", "binding_host_id"),
            p.values(),
            source.lineNo(p.firstRowIndex()));
    return Parsed.of(port, findings);
  }
}
