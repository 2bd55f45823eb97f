package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code virsh list --all}:
 *
 * <pre>
 *  Id    Name                           State
 * ----------------------------------------------------
 *  2     instance-00000002              running
 *  -     instance-0000001d              shut off
 * </pre>
 *
 * The header is localised ({@code Id 名前 状態}) and only skipped; rows are read by shape, so a
 * grep-cut list without header reads the same.
 */
final class VirshListParser implements CommandParser<VirshList> {

  //  27    instance-0000001c              running     /   -     vm2    shut off
  private static final Pattern ROW =
      Pattern.compile("^\\s*(\\d{1,9}|-)\\s+(\\S+)\\s+(\\S.*?)\\s*$");
  //  Id    Name    State   (any language after Id)
  private static final Pattern HEADER = Pattern.compile("^\\s*Id\\s+\\S+.*$");
  private static final Pattern RULE = Pattern.compile("^\\s*-{3,}\\s*$");

  @Override
  public Spec spec() {
    return Spec.VIRSH_LIST;
  }

  @Override
  public Class<VirshList> type() {
    return VirshList.class;
  }

  @Override
  public Parsed<VirshList> parse(SourceText source) {
    List<VirshList.Domain> domains = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        Optional<Integer> id =
            m.group(1).equals("-") ? Optional.empty() : Optional.of(Integer.parseInt(m.group(1)));
        domains.add(new VirshList.Domain(id, m.group(2), m.group(3), source.lineNo(i)));
      } else if (!line.isBlank()
          && !RULE.matcher(line).matches()
          && !(domains.isEmpty() && HEADER.matcher(line).matches())) {
        findings.add(ParseFindings.unrecognised(source, i, "virsh list"));
      }
    }
    return Parsed.of(new VirshList(domains), findings);
  }
}
