package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import io.vmflow.parse.text.Cells;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code openstack} client's server, port and network commands, in table, {@code -f json} and
 * {@code -f shell} forms, mapped to the same records as their nova/neutron equivalents:
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
    static final List<String> COLUMNS = List.of("ID", "Name", "Status", "Networks", "Image", "Flavor");

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
      for (OpenstackOutput.Row r : OpenstackOutput.rows(source.lines(), COLUMNS)) {
        String networks = r.get("Networks", "addresses");
        out.add(new ServerList.Server(r.get("ID"), r.get("Name"), r.get("Status"), r.get("Task State"), r.get("Power State"), networks,
            Cells.ips(networks), Map.of("Image", r.get("Image"), "Flavor", r.get("Flavor")), source.lineNo(r.index())));
      }
      return Parsed.of(new ServerList(out), List.of());
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
      List<OpenstackOutput.Row> rows = OpenstackOutput.rows(source.lines(), List.of("Field", "Value"));
      if (rows.isEmpty() || rows.get(0).values().isEmpty()) {
        return Parsed.failed(ParseFindings.noData(source, "server property"));
      }
      OpenstackOutput.Row r = rows.get(0);
      String id = r.get("id");
      return Parsed.of(new ServerShow(id.isEmpty() ? source.subject() : id, r.get("name"), r.get("status"),
          r.get("OS-EXT-SRV-ATTR:hypervisor_hostname", "hypervisor_hostname"), r.get("OS-EXT-SRV-ATTR:host", "host"),
          r.get("OS-EXT-SRV-ATTR:instance_name", "instance_name"), r.values(), source.lineNo(r.index())), List.of());
    }
  }

  /** {@code openstack port list}. */
  static final class PortListParser implements CommandParser<PortList> {
    static final List<String> COLUMNS = List.of("ID", "Name", "MAC Address", "Fixed IP Addresses", "Status");

    @Override
    public Spec spec() {
      return Spec.OPENSTACK_PORT_LIST;
    }

    @Override
    public Class<PortList> type() {
      return PortList.class;
    }

    @Override
    public Parsed<PortList> parse(SourceText source) {
      List<PortList.PortRow> out = new ArrayList<>();
      for (OpenstackOutput.Row r : OpenstackOutput.rows(source.lines(), COLUMNS)) {
        List<PortShow.FixedIp> ips = new ArrayList<>();
        for (String[] f : Cells.fixedIps(r.get("Fixed IP Addresses", "fixed_ips"))) {
          ips.add(new PortShow.FixedIp(f[0], f[1]));
        }
        out.add(new PortList.PortRow(r.get("ID"), r.get("Name"), MacAddress.parse(r.get("MAC Address", "mac_address")), ips, r.get("Status"),
            Map.of("device_owner", r.get("Device Owner", "device_owner"), "device_id", r.get("Device ID", "device_id")), source.lineNo(r.index())));
      }
      return Parsed.of(new PortList(out), List.of());
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
      for (OpenstackOutput.Row r : OpenstackOutput.rows(source.lines(), COLUMNS)) {
        List<NetworkList.SubnetRef> subnets = new ArrayList<>();
        Cells.uuids(r.get("Subnets", "subnets")).forEach(s -> subnets.add(new NetworkList.SubnetRef(s, "")));
        out.add(new NetworkList.Network(r.get("ID"), r.get("Name"), subnets, source.lineNo(r.index())));
      }
      return Parsed.of(new NetworkList(out), List.of());
    }
  }
}
