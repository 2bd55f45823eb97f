package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code brctl show}: Linux bridges and their member interfaces, further members on indented
 * continuation lines.
 *
 * <pre>
 * bridge name	bridge id		STP enabled	interfaces
 * qbr1c65142e-2a		8000.4e62113fce3a	no		qvm1c65142e-2a
 * 							tap1c65142e-2a
 * </pre>
 *
 * Tabs or spaces; the header may be cut by {@code grep}. A member line before any bridge (grep kept
 * only it) goes to a bridge named "".
 */
final class BrctlShowParser implements CommandParser<BrctlShow> {

  // qbr1c65142e-2a		8000.4e62113fce3a	no		qvm1c65142e-2a   (members optional; id may be cut)
  private static final Pattern BRIDGE =
      Pattern.compile(
          "^(?<name>\\S+)(\\s+(?<id>[0-9a-fA-F]{4}\\.[0-9a-fA-F]{12})\\s+(?<stp>yes|no)(\\s+(?<iface>\\S+))?)?\\s*$");
  // 							tap1c65142e-2a
  private static final Pattern MEMBER = Pattern.compile("^\\s+(?<iface>\\S+)\\s*$");

  @Override
  public Spec spec() {
    return Spec.BRCTL_SHOW;
  }

  @Override
  public Class<BrctlShow> type() {
    return BrctlShow.class;
  }

  @Override
  public Parsed<BrctlShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<Builder> bridges = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("bridge name") && !line.contains("interfaces")) {
        // "bridge name     bridge id": a header cut short, so the rows may be too
        findings.add(ParseFindings.unrecognised(source, i, "brctl show header"));
        continue;
      }
      if (line.isBlank() || line.startsWith("bridge name") || line.equals("--")) {
        continue;
      }
      Matcher member = MEMBER.matcher(line);
      Matcher bridge = BRIDGE.matcher(line);
      if (member.matches()) {
        if (bridges.isEmpty()) {
          bridges.add(new Builder("", "", false, source.lineNo(i)));
        }
        bridges.get(bridges.size() - 1).members.add(member.group("iface"));
      } else if (bridge.matches()
          && (bridge.group("id") != null || !line.contains(" ") && !line.contains("\t"))) {
        Builder b =
            new Builder(
                bridge.group("name"),
                bridge.group("id") == null ? "" : bridge.group("id"),
                "yes".equals(bridge.group("stp")),
                source.lineNo(i));
        if (bridge.group("iface") != null) {
          b.members.add(bridge.group("iface"));
        }
        bridges.add(b);
      } else {
        findings.add(ParseFindings.unrecognised(source, i, "brctl show"));
      }
    }
    return Parsed.of(new BrctlShow(bridges.stream().map(Builder::build).toList()), findings);
  }

  private static final class Builder {
    final String name;
    final String id;
    final boolean stp;
    final int line;
    final List<String> members = new ArrayList<>();

    Builder(String name, String id, boolean stp, int line) {
      this.name = name;
      this.id = id;
      this.stp = stp;
      this.line = line;
    }

    BrctlShow.LinuxBridge build() {
      return new BrctlShow.LinuxBridge(name, id, stp, members, line);
    }
  }
}
