package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bridge fdb show} (sos: {@code bridge -s -s -d -t fdb show}):
 *
 * <pre>
 * 00:16:3e:3a:20:be dev ens3 used 23504/25 master br-ens3
 * 52:54:00:e2:28:a3 dev ens3 vlan 1 used 63688/63688 master br-ens3 permanent
 * 33:33:00:00:00:01 dev ens3 self permanent
 * 46:af:62:75:ec:ee dev flannel.1 dst 10.6.1.235 used 5/1004 self permanent
 * </pre>
 *
 * Kept: MAC, dev, master, vlan, dst, self, permanent/static, used. Ignored: vni, port, via,
 * link-netnsid, nhid, extern_learn and other flags.
 */
final class BridgeFdbShowParser implements CommandParser<BridgeFdbShow> {

  // 52:54:00:e2:28:a3 dev ens3 vlan 1 used 63688/63688 master br-ens3 permanent
  private static final Pattern ENTRY = Pattern.compile("^\\s*(\\S+)\\s+dev\\s+(\\S+)(.*)$");

  @Override
  public Spec spec() {
    return Spec.BRIDGE_FDB_SHOW;
  }

  @Override
  public Class<BridgeFdbShow> type() {
    return BridgeFdbShow.class;
  }

  @Override
  public Parsed<BridgeFdbShow> parse(SourceText source) {
    List<BridgeFdbShow.Entry> entries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      Matcher m = ENTRY.matcher(line);
      Optional<MacAddress> mac = m.matches() ? MacAddress.parse(m.group(1)) : Optional.empty();
      if (mac.isPresent()) {
        entries.add(
            entry(
                mac.get(),
                m.group(2),
                Arrays.asList(m.group(3).trim().split("\\s+")),
                source.lineNo(i)));
      } else if (m.matches()) {
        findings.add(ParseFindings.badValue(source, i, "not a MAC address: '" + m.group(1) + "'"));
      } else if (!line.isBlank()) {
        findings.add(ParseFindings.unrecognised(source, i, "bridge fdb"));
      }
    }
    return Parsed.of(new BridgeFdbShow(entries), findings);
  }

  private static BridgeFdbShow.Entry entry(
      MacAddress mac, String dev, List<String> words, int line) {
    String vlan = after(words, "vlan");
    String permanence =
        words.contains("permanent") ? "permanent" : words.contains("static") ? "static" : "";
    return new BridgeFdbShow.Entry(
        mac,
        dev,
        after(words, "master"),
        vlan.matches("\\d{1,4}") ? Integer.parseInt(vlan) : -1,
        after(words, "dst"),
        words.contains("self"),
        permanence,
        after(words, "used"),
        line);
  }

  private static String after(List<String> words, String key) {
    int i = words.indexOf(key);
    return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : "";
  }
}
