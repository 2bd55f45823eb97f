package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.parse.text.OpenstackOutput;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openstack subnet show} / {@code neutron subnet-show}:
 *
 * <pre>
 * | allocation_pools  | 10.0.0.2-10.0.0.254                  |
 * | cidr              | 10.0.0.0/24                          |
 * | enable_dhcp       | True                                 |
 * | gateway_ip        | 10.0.0.1                             |
 * | id                | c5c9f5c2-145d-46d2-a513-cf675530eaed |
 * | network_id        | 713bae25-8276-4e0a-a453-e59a1d65425a |
 * </pre>
 *
 * Kept: id (else the command's subject), name, network id, CIDR, gateway IP, enable_dhcp,
 * allocation pools (the openstack client's {@code a-b} and neutron's {@code {"start": a, "end": b}}
 * forms). Ignored: other fields.
 */
final class SubnetShowParser implements CommandParser<SubnetShow> {

  // 10.0.0.2-10.0.0.254   /   {"start": "10.0.0.2", "end": "10.0.0.254"}
  private static final Pattern RANGE = Pattern.compile("([0-9a-fA-F.:]+)-([0-9a-fA-F.:]+)");
  private static final Pattern START_END =
      Pattern.compile("\"start\":\\s*\"([^\"]+)\",\\s*\"end\":\\s*\"([^\"]+)\"");

  private final Spec spec;

  SubnetShowParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<SubnetShow> type() {
    return SubnetShow.class;
  }

  @Override
  public Parsed<SubnetShow> parse(SourceText source) {
    // the neutron client's "neutron CLI is deprecated ..." warning may come before the table
    int start = 0;
    while (start < source.lines().size() && !source.lines().get(start).startsWith("+")) {
      start++;
    }
    start = start == source.lines().size() ? 0 : start;
    List<String> table = source.lines().subList(start, source.lines().size());
    OpenstackOutput.Rows rows = OpenstackOutput.read(table, List.of("Field", "Value"));
    if (rows.rows().isEmpty() || rows.rows().get(0).values().isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "subnet property"));
    }
    List<Finding> findings = new ArrayList<>();
    int offset = start;
    ParseFindings.unrecognisedAll(
        source, rows.unreadable().stream().map(i -> i + offset).toList(), "subnet show", findings);
    OpenstackOutput.Row r = rows.rows().get(0);
    String id = r.get("id");
    String dhcp = r.get("enable_dhcp").trim().toLowerCase(Locale.ROOT);
    return Parsed.of(
        new SubnetShow(
            id.isEmpty() ? source.subject() : id,
            r.get("name"),
            r.get("network_id"),
            r.get("cidr"),
            r.get("gateway_ip").trim(),
            dhcp.equals("true") || dhcp.equals("false")
                ? Optional.of(dhcp.equals("true"))
                : Optional.empty(),
            pools(r.get("allocation_pools")),
            source.lineNo(start + r.index())),
        findings);
  }

  private static List<String> pools(String cell) {
    List<String> out = new ArrayList<>();
    Matcher json = START_END.matcher(cell);
    while (json.find()) {
      out.add(json.group(1) + "-" + json.group(2));
    }
    if (out.isEmpty()) {
      Matcher m = RANGE.matcher(cell);
      while (m.find()) {
        out.add(m.group(1) + "-" + m.group(2));
      }
    }
    return out;
  }
}
