package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-vsctl list interface}: one block of {@code column : value} lines per OVSDB Interface
 * row, blocks apart by a blank line:
 *
 * <pre>
 * _uuid               : aa87cf22-4d5c-4c92-93e6-c4aa2875a22f
 * link_state          : down
 * name                : sg-189f4c40-9d
 * statistics          : {collisions=0, rx_bytes=92724, rx_crc_err=0, rx_dropped=1, ...}
 * type                : internal
 * </pre>
 *
 * Kept: {@code name}, {@code type}, {@code link_state} and the {@code statistics} map, its OVS
 * names turned into {@code ip -s link}'s ({@code rx_missed_errors} is {@code rx_missed}, {@code
 * rx_over_err} {@code rx_overrun}, {@code rx_crc_err} {@code rx_crc}, {@code rx_frame_err} {@code
 * rx_frame}); other columns are ignored. A row without a name is dropped with a finding.
 */
final class OvsVsctlListInterfaceParser implements CommandParser<OvsVsctlListInterface> {

  // name                : sg-189f4c40-9d   /   ingress_policing_burst: 0   /   mac_in_use : "fa:.."
  private static final Pattern COLUMN = Pattern.compile("^(?<k>[a-z_]+)\\s*:\\s?(?<v>.*)$");
  // rx_dropped=1   /   "rx_1024_to_1522_packets"=0 (DPDK ports quote some keys)
  private static final Pattern STAT = Pattern.compile("\"?(?<k>[a-z0-9_]+)\"?=(?<v>\\d{1,18})");
  private static final Map<String, String> NAMES =
      Map.of(
          "rx_missed_errors", "rx_missed",
          "rx_over_err", "rx_overrun",
          "rx_crc_err", "rx_crc",
          "rx_frame_err", "rx_frame",
          "collisions", "tx_collsns");

  @Override
  public Spec spec() {
    return Spec.OVS_VSCTL_LIST_INTERFACE;
  }

  @Override
  public Class<OvsVsctlListInterface> type() {
    return OvsVsctlListInterface.class;
  }

  @Override
  public Parsed<OvsVsctlListInterface> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsVsctlListInterface.Interface> out = new ArrayList<>();
    Row row = new Row();
    List<String> lines = source.lines();
    for (int i = 0; i <= lines.size(); i++) {
      String l = i < lines.size() ? lines.get(i) : "";
      Matcher m = COLUMN.matcher(l);
      if (l.isBlank()) {
        row.close(source, i, out, findings);
        row = new Row();
      } else if (!m.matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "list interface"));
      } else {
        row.column(m.group("k"), unquote(m.group("v").trim()), source.lineNo(i));
      }
    }
    if (out.isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "interface row"));
    }
    return Parsed.of(new OvsVsctlListInterface(out), findings);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
        ? v.substring(1, v.length() - 1)
        : v;
  }

  /** The columns of the row being read. */
  private static final class Row {
    private String name;
    private String type = "";
    private String link = "";
    private int nameLine;
    private int firstLine;
    private final List<Counter> counters = new ArrayList<>();

    void column(String key, String value, int line) {
      firstLine = firstLine == 0 ? line : firstLine;
      switch (key) {
        case "name" -> {
          name = value;
          nameLine = line;
        }
        case "type" -> type = value;
        case "link_state" -> link = value.equals("[]") ? "" : value;
        case "statistics" -> {
          Matcher s = STAT.matcher(value);
          while (s.find()) {
            String k = NAMES.getOrDefault(s.group("k"), s.group("k"));
            counters.add(new Counter(k, Long.parseLong(s.group("v")), line));
          }
        }
        default -> {}
      }
    }

    void close(
        SourceText source, int i, List<OvsVsctlListInterface.Interface> out, List<Finding> f) {
      if (firstLine == 0) {
        return;
      }
      if (name == null || name.isEmpty()) {
        f.add(ParseFindings.badValue(source, i - 1, "interface row without a name"));
        return;
      }
      out.add(new OvsVsctlListInterface.Interface(name, type, link, counters, nameLine));
    }
  }
}
