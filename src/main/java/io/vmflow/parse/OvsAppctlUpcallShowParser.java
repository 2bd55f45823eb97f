package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl upcall/show}: per datapath, its flow counts and limit, then one line per
 * revalidator thread:
 *
 * <pre>
 * system@ovs-system:
 *   flows         : (current 7) (avg 6) (max 24) (limit 23000)
 *   dump duration : 1ms
 *   ufid enabled : true
 *
 *   10: (keys 7)
 * </pre>
 *
 * Kept: the datapath name, the four flow figures and the dump duration. Ignored: offloaded flows,
 * ufid, each revalidator's key count.
 */
final class OvsAppctlUpcallShowParser implements CommandParser<OvsAppctlUpcallShow> {

  // system@ovs-system:   /   netdev@ovs-netdev:
  private static final Pattern DATAPATH = Pattern.compile("^(?<dp>[a-z]+@[\\w.-]+):\\s*$");
  //   flows         : (current 7) (avg 6) (max 24) (limit 23000)
  private static final Pattern FLOWS =
      Pattern.compile(
          "^\\s+flows\\s*: \\(current (?<c>\\d{1,18})\\) \\(avg (?<a>\\d{1,18})\\)"
              + " \\(max (?<m>\\d{1,18})\\) \\(limit (?<l>\\d{1,18})\\)\\s*$");
  //   dump duration : 1ms
  private static final Pattern DUMP =
      Pattern.compile("^\\s+dump duration\\s*: (?<ms>\\d{1,18})ms$");
  //   ufid enabled : true   /   offloaded flows : 0   /   10: (keys 7)
  private static final Pattern OTHER =
      Pattern.compile("^\\s+([a-zA-Z ]+\\s*: \\S+|\\d+: \\(keys \\d+\\))\\s*$");

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_UPCALL_SHOW;
  }

  @Override
  public Class<OvsAppctlUpcallShow> type() {
    return OvsAppctlUpcallShow.class;
  }

  @Override
  public Parsed<OvsAppctlUpcallShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsAppctlUpcallShow.Datapath> out = new ArrayList<>();
    String dp = "";
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher d = DATAPATH.matcher(l);
      Matcher f = FLOWS.matcher(l);
      Matcher ms = DUMP.matcher(l);
      if (d.matches()) {
        dp = d.group("dp");
      } else if (f.matches()) {
        out.add(
            new OvsAppctlUpcallShow.Datapath(
                dp,
                Long.parseLong(f.group("c")),
                Long.parseLong(f.group("a")),
                Long.parseLong(f.group("m")),
                Long.parseLong(f.group("l")),
                -1,
                source.lineNo(i)));
      } else if (ms.matches() && !out.isEmpty()) {
        OvsAppctlUpcallShow.Datapath p = out.remove(out.size() - 1);
        long dump = Long.parseLong(ms.group("ms"));
        out.add(
            new OvsAppctlUpcallShow.Datapath(
                p.name(), p.current(), p.average(), p.max(), p.limit(), dump, p.line()));
      } else if (!l.isBlank() && !OTHER.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "upcall/show"));
      }
    }
    if (out.isEmpty()) {
      return Parsed.failed(ParseFindings.noData(source, "datapath flows line"));
    }
    return Parsed.of(new OvsAppctlUpcallShow(out), findings);
  }
}
