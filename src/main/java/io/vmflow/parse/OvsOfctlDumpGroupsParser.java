package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-ofctl -O OpenFlow13 dump-groups br-int}:
 *
 * <pre>
 * OFPST_GROUP_DESC reply (OF1.3) (xid=0x2):
 *  group_id=1,type=all,bucket=actions=output:2,bucket=actions=output:3
 *  group_id=2,type=select,bucket=weight:100,actions=output:2,bucket=weight:100,actions=output:3
 *  group_id=3,type=select,bucket=weight:100,actions=ct(commit,table=2,zone=20,nat(dst=10.4.0.131:80)),bucket=weight:100,actions=ct(commit,table=2,zone=20,nat(dst=10.4.0.130:80))
 *  group_id=4,type=indirect,bucket=actions=set_field:fa:16:3e:22:22:02-&gt;eth_dst,output:3
 * </pre>
 *
 * Kept: each group's id, type, buckets and its whole line (the replica loads it as printed). The
 * reply header ({@code OFPST_GROUP_DESC}, or {@code NXST_GROUP_DESC} for OpenFlow 1.0 with Nicira
 * extensions) is skipped; a header alone is an empty group table.
 */
final class OvsOfctlDumpGroupsParser implements CommandParser<OvsOfctlDumpGroups> {

  // OFPST_GROUP_DESC reply (OF1.3) (xid=0x2): ; OFPST_GROUP_DESC reply (xid=0x2):
  private static final Pattern HEADER = Pattern.compile("^(OFPST|NXST)_GROUP_DESC reply.*:\\s*$");
  // " group_id=1,type=all,bucket=actions=output:2" ; "group_id=4294967040,type=select,..."
  private static final Pattern GROUP =
      Pattern.compile("^\\s*group_id=(?<id>\\d{1,10}),type=(?<type>[a-z]+)(?<rest>.*)$");

  @Override
  public Spec spec() {
    return Spec.OVS_OFCTL_DUMP_GROUPS;
  }

  @Override
  public Class<OvsOfctlDumpGroups> type() {
    return OvsOfctlDumpGroups.class;
  }

  @Override
  public Parsed<OvsOfctlDumpGroups> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsOfctlDumpGroups.Group> out = new ArrayList<>();
    boolean header = false;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = GROUP.matcher(line);
      if (m.matches()) {
        out.add(
            new OvsOfctlDumpGroups.Group(
                Long.parseLong(m.group("id")),
                m.group("type"),
                buckets(m.group("rest")),
                line.trim(),
                source.lineNo(i)));
      } else if (HEADER.matcher(line).matches()) {
        header = true;
      } else if (!line.isBlank()) {
        findings.add(ParseFindings.unrecognised(source, i, "group"));
      }
    }
    if (out.isEmpty() && !header) {
      findings.add(ParseFindings.noData(source, "group"));
    }
    return Parsed.of(new OvsOfctlDumpGroups(source.subject(), out), findings);
  }

  // ",bucket=actions=output:2,bucket=weight:100,actions=ct(commit,nat(dst=10.0.0.1))": split at
  // ",bucket=" outside parentheses
  private static List<String> buckets(String rest) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = -1;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && rest.startsWith(",bucket=", i)) {
        if (start >= 0) {
          out.add(rest.substring(start, i));
        }
        start = i + 8;
      }
    }
    if (start >= 0) {
      out.add(rest.substring(start));
    }
    return out;
  }
}
