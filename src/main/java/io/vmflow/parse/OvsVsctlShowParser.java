package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-vsctl show}: the OVSDB's bridges, ports (with VLAN tag and trunks) and interfaces
 * (type, options such as patch {@code peer} or tunnel {@code remote_ip}, and {@code error} lines).
 *
 * <pre>
 *     Bridge br-int
 *         fail_mode: secure
 *         Port "pvo1c65142e-2a"
 *             tag: 15
 *             Interface "pvo1c65142e-2a"
 *                 type: patch
 *                 options: {peer="pvi1c65142e-2a"}
 *     ovs_version: "2.5.0"
 * </pre>
 *
 * Nesting is read from the keywords, not the indentation, so tab-indented and grep-cut ({@code -C
 * 5}, {@code --} separators) outputs read the same. Ports before any Bridge line go to bridge "".
 */
final class OvsVsctlShowParser implements CommandParser<OvsVsctlShow> {

  // Bridge "ply1c65142e-2a"  /  Port br-int  /  Interface "vxlan-0a000002"
  private static final Pattern OBJECT =
      Pattern.compile("^\\s*(?<kind>Bridge|Port|Interface)\\s+\"?(?<name>[^\"]*)\"?\\s*$");
  // tag: 15   type: patch   options: {peer="pvi1c65142e-2a"}   trunks: [1, 2]   error: "could not
  // open ..."
  private static final Pattern KEY = Pattern.compile("^\\s*(?<key>[a-z_]+):\\s*(?<value>.*?)\\s*$");
  // 6d1c7b9e-1f4c-4f7e-9f1a-0c9a1b2c3d4e
  private static final Pattern UUID_LINE =
      Pattern.compile("^\\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\s*$");
  // Manager "ptcp:6640:127.0.0.1"   Controller "tcp:127.0.0.1:6633"
  private static final Pattern TARGET =
      Pattern.compile("^\\s*(?<kind>Manager|Controller)\\s+\"?(?<target>[^\"]*)\"?\\s*$");
  // {peer="pvo1c65142e-2a"} / {df_default="true", in_key=flow, remote_ip="10.0.0.2"}
  private static final Pattern OPTION =
      Pattern.compile("(?<k>[\\w:-]+)=(\"(?<q>[^\"]*)\"|(?<v>[^,}\\s]*))");

  @Override
  public Spec spec() {
    return Spec.OVS_VSCTL_SHOW;
  }

  @Override
  public Class<OvsVsctlShow> type() {
    return OvsVsctlShow.class;
  }

  @Override
  public Parsed<OvsVsctlShow> parse(SourceText source) {
    OvsdbTree tree = new OvsdbTree();
    List<Finding> findings = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.trim().equals("--")) {
        continue;
      }
      if (UUID_LINE.matcher(line).matches() && tree.uuid.isEmpty()) {
        tree.uuid = line.trim();
        continue;
      }
      Matcher o = OBJECT.matcher(line);
      Matcher t = TARGET.matcher(line);
      Matcher k = KEY.matcher(line);
      if (o.matches()) {
        tree.object(o.group("kind"), o.group("name"), source.lineNo(i));
      } else if (t.matches()) {
        tree.target(t.group("kind"), t.group("target"));
      } else if (k.matches()) {
        if (!tree.key(k.group("key"), k.group("value"))) {
          findings.add(
              ParseFindings.badValue(source, i, "unexpected value: '" + line.trim() + "'"));
        }
      } else {
        findings.add(ParseFindings.unrecognised(source, i, "ovs-vsctl show"));
      }
    }
    return Parsed.of(tree.build(), findings);
  }

  static Map<String, String> options(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = OPTION.matcher(text);
    while (m.find()) {
      out.put(m.group("k"), m.group("q") != null ? m.group("q") : m.group("v"));
    }
    return out;
  }
}
