package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl fdb/show <bridge>}: the MAC learning table, printed by OVS as {@code "%5s %4d
 * MAC %3d"} (or {@code static}) under a {@code port} header, {@code Port} in newer releases.
 *
 * <pre>
 *  port  VLAN  MAC                Age
 *    71    15  fa:16:3e:29:fb:13    0
 * LOCAL     0  a6:96:55:a6:67:44  static
 * </pre>
 *
 * The port is a number or a name ({@code LOCAL}); ages masked as {@code ?} by OVS's own tests are
 * kept as printed. Rows cut by {@code grep} need no header; the bridge is the command's subject.
 */
final class OvsAppctlFdbShowParser implements CommandParser<OvsAppctlFdbShow> {

  //  port  VLAN  MAC                Age        (and " Port", and a leading "Bridge" column)
  private static final Pattern HEADER =
      Pattern.compile("^\\s*(Bridge\\s+)?[Pp]ort\\s+VLAN\\s+MAC\\s+Age\\s*$");
  //    71    15  fa:16:3e:29:fb:13    0      /   br-int     1     0  52:54:00:2d:fb:46  284
  private static final Pattern ROW =
      Pattern.compile(
          "^\\s*((?<bridge>\\S+)\\s+)??(?<port>\\S+)\\s+(?<vlan>\\d+)\\s+(?<mac>\\S+)\\s+(?<age>\\d+|static|\\?)\\s*$");

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_FDB_SHOW;
  }

  @Override
  public Class<OvsAppctlFdbShow> type() {
    return OvsAppctlFdbShow.class;
  }

  @Override
  public Parsed<OvsAppctlFdbShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsAppctlFdbShow.FdbEntry> entries = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || HEADER.matcher(line).matches()) {
        continue;
      }
      Matcher m = ROW.matcher(line);
      Optional<MacAddress> mac = m.matches() ? MacAddress.parse(m.group("mac")) : Optional.empty();
      if (mac.isEmpty()) {
        findings.add(
            m.matches()
                ? ParseFindings.badValue(source, i, "not a MAC address: '" + m.group("mac") + "'")
                : ParseFindings.unrecognised(source, i, "fdb/show"));
        continue;
      }
      String bridge = m.group("bridge") != null ? m.group("bridge") : source.subject();
      entries.add(
          new OvsAppctlFdbShow.FdbEntry(
              bridge,
              m.group("port"),
              Integer.parseInt(m.group("vlan")),
              mac.get(),
              m.group("age"),
              source.lineNo(i)));
    }
    return Parsed.of(new OvsAppctlFdbShow(source.subject(), entries), findings);
  }
}
