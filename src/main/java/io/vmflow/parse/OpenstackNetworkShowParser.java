package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.Cells;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code openstack network show <net>} (and {@code neutron net-show}, same table) in table, {@code
 * -f json} and {@code -f shell} forms:
 *
 * <pre>
 * | provider:network_type     | vlan                                 |
 * | provider:physical_network | provider                             |
 * | provider:segmentation_id  | 100                                  |
 * | subnets                   | eab47748-3f0a-4775-a09f-b0c24bb64bc4 |
 * |                           | 277eca5d-9869-474b-960e-6da5951d09f7 |
 * </pre>
 *
 * Kept: id (else the command's subject), name, status, network type, physical network, segmentation
 * id, MTU, subnet ids; every field in {@code fields}.
 */
final class OpenstackNetworkShowParser implements CommandParser<NetworkShow> {

  private final Spec spec;

  OpenstackNetworkShowParser() {
    this(Spec.OPENSTACK_NETWORK_SHOW);
  }

  OpenstackNetworkShowParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<NetworkShow> type() {
    return NetworkShow.class;
  }

  @Override
  public Parsed<NetworkShow> parse(SourceText source) {
    OpenstackOutput.Rows rows = OpenstackOutput.read(source.lines(), List.of("Field", "Value"));
    if (rows.rows().isEmpty() || rows.rows().get(0).values().isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "network property"));
    }
    List<Finding> findings = new ArrayList<>();
    ParseFindings.unrecognisedAll(source, rows.unreadable(), "network show", findings);
    OpenstackOutput.Row r = rows.rows().get(0);
    String id = r.get("id");
    return Parsed.of(
        new NetworkShow(
            id.isEmpty() ? source.subject() : id,
            r.get("name"),
            r.get("status"),
            r.get("provider:network_type", "provider_network_type"),
            r.get("provider:physical_network", "provider_physical_network"),
            number(r.get("provider:segmentation_id", "provider_segmentation_id")),
            number(r.get("mtu")),
            Cells.uuids(r.get("subnets", "Subnets")),
            r.values(),
            source.lineNo(r.index())),
        findings);
  }

  private static Optional<Integer> number(String s) {
    return s.trim().matches("\\d{1,9}")
        ? Optional.of(Integer.parseInt(s.trim()))
        : Optional.empty();
  }
}
