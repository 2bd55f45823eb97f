package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.Cells;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code neutron router-show <router>} (and {@code openstack router show}): a {@code Field | Value}
 * table whose long cells wrap over several rows with an empty Field column:
 *
 * <pre>
 * | distributed             | True                                                              |
 * | external_gateway_info   | {"network_id": "85fa82f5-ea84-41ef-884e-b82428719536", "enable_snat": false, "external_fixed_ips": [{"subnet_id":            |
 * |                         | "41acc3d6-5763-45c7-9170-0b830319606b", "ip_address": "::7f00:0:4"}, {"subnet_id": "1c0f7a0a-eedf-47f5-a5ef-a4e1af645ac2",   |
 * |                         | "ip_address": "127.0.0.4"}]}                                                                 |
 * </pre>
 *
 * Wrapped values are joined with a space, so the JSON above reads whole again.
 */
final class NeutronRouterShowParser implements CommandParser<RouterShow> {

  private final Spec spec;

  NeutronRouterShowParser() {
    this(Spec.NEUTRON_ROUTER_SHOW);
  }

  NeutronRouterShowParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<RouterShow> type() {
    return RouterShow.class;
  }

  @Override
  public Parsed<RouterShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    PropertyTables.Properties p = PropertyTables.read(source, "router show", findings);
    if (p.values().isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "router property"));
    }
    Map<String, String> joined = new java.util.LinkedHashMap<>();
    p.values().forEach((k, v) -> joined.put(k, v.replace("\n", " ")));
    String id = joined.getOrDefault("id", source.subject());
    RouterList.Router router =
        new RouterList.Router(
            id,
            joined.getOrDefault("name", ""),
            joined.getOrDefault("status", ""),
            joined.getOrDefault("external_gateway_info", ""),
            Cells.bool(joined.getOrDefault("distributed", "")),
            Cells.bool(joined.getOrDefault("ha", "")),
            source.lineNo(p.firstRowIndex()));
    return Parsed.of(new RouterShow(router, joined), findings);
  }
}
