package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.parse.text.Cells;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code openstack} client's server, port, network and router commands, in table, {@code -f
 * json}, {@code -f value} and {@code -f shell} forms (told apart by {@link OpenstackOutput}),
 * mapped to the same records as their nova/neutron equivalents:
 *
 * <pre>
 * +--------------------------------------+------------+---------+------------------------------+-----------+----------+
 * | ID                                   | Name       | Status  | Networks                     | Image     | Flavor   |
 * +--------------------------------------+------------+---------+------------------------------+-----------+----------+
 * | da861f02-dad6-45e8-b82a-554204302958 | instance01 | ACTIVE  | provider-100=192.168.100.200 | cirros062 | m1.milli |
 * </pre>
 */
final class OpenstackParsers {

  private OpenstackParsers() {}

  /** {@code openstack server list}. */
  static final class ServerListParser implements CommandParser<ServerList> {
    static final List<String> COLUMNS =
        List.of("ID", "Name", "Status", "Networks", "Image", "Flavor");

    @Override
    public Spec spec() {
      return Spec.OPENSTACK_SERVER_LIST;
    }

    @Override
    public Class<ServerList> type() {
      return ServerList.class;
    }

    @Override
    public Parsed<ServerList> parse(SourceText source) {
      List<ServerList.Server> out = new ArrayList<>();
      OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), COLUMNS);
      for (OpenstackOutput.Row r : rows.rows()) {
        String networks = r.get("Networks", "addresses");
        out.add(
            new ServerList.Server(
                r.get("ID"),
                r.get("Name"),
                r.get("Status"),
                r.get("Task State"),
                r.get("Power State"),
                networks,
                Cells.ips(networks),
                Map.of("Image", r.get("Image"), "Flavor", r.get("Flavor")),
                source.lineNo(r.index())));
      }
      return Parsed.of(new ServerList(out), unreadable(source, rows, "server list"));
    }
  }

  /** {@code openstack server show <server>}. */
  static final class ServerShowParser implements CommandParser<ServerShow> {
    @Override
    public Spec spec() {
      return Spec.OPENSTACK_SERVER_SHOW;
    }

    @Override
    public Class<ServerShow> type() {
      return ServerShow.class;
    }

    @Override
    public Parsed<ServerShow> parse(SourceText source) {
      OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), List.of("Field", "Value"));
      if (rows.rows().isEmpty() || rows.rows().get(0).values().isEmpty()) {
        return Parsed.failed(ParseFindings.noData(source, "server property"));
      }
      OpenstackOutput.Row r = rows.rows().get(0);
      String id = r.get("id");
      return Parsed.of(
          new ServerShow(
              id.isEmpty() ? source.subject() : id,
              r.get("name"),
              r.get("status"),
              r.get("OS-EXT-SRV-ATTR:hypervisor_hostname", "hypervisor_hostname"),
              r.get("OS-EXT-SRV-ATTR:host", "host"),
              r.get("OS-EXT-SRV-ATTR:instance_name", "instance_name"),
              r.values(),
              source.lineNo(r.index())),
          unreadable(source, rows, "server show"));
    }
  }

  /**
   * {@code openstack port list}, and {@code neutron port-list} whose {@code fixed_ips} cells are
   * JSON, one per wrapped line.
   */
  static final class PortListParser implements CommandParser<PortList> {
    static final List<String> COLUMNS =
        List.of("ID", "Name", "MAC Address", "Fixed IP Addresses", "Status");
    static final List<String> NEUTRON_COLUMNS = List.of("id", "name", "mac_address", "fixed_ips");

    private final Spec spec;

    PortListParser() {
      this(Spec.OPENSTACK_PORT_LIST);
    }

    PortListParser(Spec spec) {
      this.spec = spec;
    }

    @Override
    public Spec spec() {
      return spec;
    }

    @Override
    public Class<PortList> type() {
      return PortList.class;
    }

    @Override
    public Parsed<PortList> parse(SourceText source) {
      List<PortList.PortRow> out = new ArrayList<>();
      OpenstackOutput.Rows rows =
          OpenstackOutput.read(
              source.lines(), spec == Spec.NEUTRON_PORT_LIST ? NEUTRON_COLUMNS : COLUMNS);
      for (OpenstackOutput.Row r : rows.rows()) {
        List<PortShow.FixedIp> ips = new ArrayList<>();
        for (String[] f : Cells.fixedIps(r.get("Fixed IP Addresses", "fixed_ips"))) {
          ips.add(new PortShow.FixedIp(f[0], f[1]));
        }
        out.add(
            new PortList.PortRow(
                r.get("ID"),
                r.get("Name"),
                MacAddress.parse(r.get("MAC Address", "mac_address")),
                ips,
                r.get("Status"),
                Map.of(
                    "device_owner",
                    r.get("Device Owner", "device_owner"),
                    "device_id",
                    r.get("Device ID", "device_id")),
                source.lineNo(r.index())));
      }
      return Parsed.of(new PortList(out), unreadable(source, rows, "port list"));
    }
  }

  /** {@code openstack network list}: subnets are ids only. */
  static final class NetworkListParser implements CommandParser<NetworkList> {
    static final List<String> COLUMNS = List.of("ID", "Name", "Subnets");

    @Override
    public Spec spec() {
      return Spec.OPENSTACK_NETWORK_LIST;
    }

    @Override
    public Class<NetworkList> type() {
      return NetworkList.class;
    }

    @Override
    public Parsed<NetworkList> parse(SourceText source) {
      List<NetworkList.Network> out = new ArrayList<>();
      OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), COLUMNS);
      for (OpenstackOutput.Row r : rows.rows()) {
        List<NetworkList.SubnetRef> subnets = new ArrayList<>();
        Cells.uuids(r.get("Subnets", "subnets"))
            .forEach(s -> subnets.add(new NetworkList.SubnetRef(s, "")));
        out.add(
            new NetworkList.Network(r.get("ID"), r.get("Name"), subnets, source.lineNo(r.index())));
      }
      return Parsed.of(new NetworkList(out), unreadable(source, rows, "network list"));
    }
  }

  /** {@code openstack router list}: distributed and HA are shown by admin credentials only. */
  static final class RouterListParser implements CommandParser<RouterList> {
    static final List<String> COLUMNS =
        List.of("ID", "Name", "Status", "State", "Distributed", "HA", "Project");

    @Override
    public Spec spec() {
      return Spec.OPENSTACK_ROUTER_LIST;
    }

    @Override
    public Class<RouterList> type() {
      return RouterList.class;
    }

    @Override
    public Parsed<RouterList> parse(SourceText source) {
      OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), COLUMNS);
      List<Finding> findings = unreadable(source, rows, "router list");
      List<RouterList.Router> out = new ArrayList<>();
      for (OpenstackOutput.Row r : rows.rows()) {
        if (!Cells.isUuid(r.get("ID"))) {
          findings.add(
              ParseFindings.badValue(
                  source,
                  r.index(),
                  "router row without an id: '" + String.join(" | ", r.values().values()) + "'"));
          continue;
        }
        out.add(
            new RouterList.Router(
                r.get("ID"),
                r.get("Name"),
                r.get("Status"),
                r.get("External gateway info", "external_gateway_info"),
                Cells.bool(r.get("Distributed")),
                Cells.bool(r.get("HA")),
                source.lineNo(r.index())));
      }
      return Parsed.of(new RouterList(out), findings);
    }
  }

  private static List<Finding> unreadable(
      SourceText source, OpenstackOutput.Rows rows, String what) {
    List<Finding> out = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, rows.unreadable(), what, out);
    return out;
  }
}
