package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip netns} (sos: {@code ip_netns}):
 *
 * <pre>
 * fip-32981f34-497a-4fae-914a-8576055c8d0d (id: 9)
 * qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5 (id: 10)
 * vmflow-h19-b
 * </pre>
 *
 * Kept: the name and the id when iproute2 prints one (a namespace gets an id once a device links it
 * to another). Nothing ignored.
 */
final class IpNetnsParser implements CommandParser<IpNetns> {

  // qrouter-984c22fd-64b3-4fa1-8ddd-87090f401ce5 (id: 10)   /   vmflow-h19-b
  private static final Pattern NAMESPACE =
      Pattern.compile("^\\s*([\\w.:@+-]+)(?:\\s+\\(id: (\\d+)\\))?\\s*$");

  @Override
  public Spec spec() {
    return Spec.IP_NETNS;
  }

  @Override
  public Class<IpNetns> type() {
    return IpNetns.class;
  }

  @Override
  public Parsed<IpNetns> parse(SourceText source) {
    List<IpNetns.Namespace> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      Matcher m = NAMESPACE.matcher(line);
      if (m.matches()) {
        int id = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        out.add(new IpNetns.Namespace(m.group(1), id, source.lineNo(i)));
      } else if (!line.isBlank()) {
        findings.add(ParseFindings.unrecognised(source, i, "ip netns"));
      }
    }
    return Parsed.of(new IpNetns(out), findings);
  }
}
