package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-dpctl show} / {@code ovs-appctl dpctl/show [-s]}:
 *
 * <pre>
 * system@ovs-system:
 *   lookups: hit:36830 missed:4948 lost:0
 *   flows: 7
 *   port 0: ovs-system (internal)
 *   port 3: vxlan_sys_4789 (vxlan: packet_type=ptap)
 * </pre>
 *
 * Kept: the datapath's lookup counters (hit, missed, lost) and, with {@code -s}, each port's {@code
 * RX packets:… errors:… dropped:…} and {@code TX …} counters; the other statistics lines (bytes,
 * collisions, flows, masks) are skipped. Lines without a {@code system@…:} header (hotsos keeps
 * some outputs so) form a datapath without a name.
 */
final class OvsDpctlShowParser implements CommandParser<OvsDpctlShow> {

  // system@ovs-system:   /   netdev@ovs-netdev:
  private static final Pattern DATAPATH =
      Pattern.compile("^(?<type>[\\w-]+)@(?<name>[\\w.-]+):\\s*$");
  //   port 3: vxlan_sys_4789 (vxlan: packet_type=ptap)
  private static final Pattern PORT =
      Pattern.compile(
          "^\\s+port (?<no>\\d+): (?<name>\\S+)(\\s+\\((?<type>[\\w-]+)(:\\s*(?<details>[^)]*))?\\))?\\s*$");
  //     RX packets:309 errors:0 dropped:1394875 overruns:0 frame:0
  //     TX packets:66312 errors:0 dropped:0 aborted:0 carrier:0
  private static final Pattern COUNTERS =
      Pattern.compile(
          "^\\s+(?<dir>RX|TX) packets:(?<p>\\d{1,18}) errors:(?<e>\\d{1,18}) dropped:(?<d>\\d{1,18})\\b.*$");
  //   lookups: hit:36830 missed:4948 lost:0
  private static final Pattern LOOKUPS =
      Pattern.compile(
          "^\\s*lookups: hit:(?<hit>\\d{1,18}) missed:(?<missed>\\d{1,18}) lost:(?<lost>\\d{1,18})\\s*$");
  private static final Pattern STATS =
      Pattern.compile(
          "^\\s+(lookups|flows|masks|cache|caches|RX|TX|collisions|port \\d+: \\S+ \\(.*)\\b.*|^\\s+[\\w ]+:.*$");

  @Override
  public Spec spec() {
    return Spec.OVS_DPCTL_SHOW;
  }

  @Override
  public Class<OvsDpctlShow> type() {
    return OvsDpctlShow.class;
  }

  @Override
  public Parsed<OvsDpctlShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsDpctlShow.Datapath> out = new ArrayList<>();
    Dp dp = null;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher d = DATAPATH.matcher(l);
      Matcher p = PORT.matcher(l);
      Matcher c = COUNTERS.matcher(l);
      Matcher lookups = LOOKUPS.matcher(l);
      if (d.matches()) {
        add(dp, out);
        dp = new Dp(d.group("type"), d.group("name"), source.lineNo(i));
      } else if (p.matches()) {
        dp = dp == null ? new Dp("", "", source.lineNo(i)) : dp;
        dp.ports.add(
            new OvsDpctlShow.DpPort(
                Integer.parseInt(p.group("no")),
                p.group("name"),
                p.group("type") == null ? "" : p.group("type"),
                p.group("details") == null ? "" : p.group("details").trim(),
                source.lineNo(i)));
      } else if (lookups.matches()) {
        dp = dp == null ? new Dp("", "", source.lineNo(i)) : dp;
        dp.lookups =
            Optional.of(
                new OvsDpctlShow.Lookups(
                    Long.parseLong(lookups.group("hit")),
                    Long.parseLong(lookups.group("missed")),
                    Long.parseLong(lookups.group("lost"))));
      } else if (c.matches() && dp != null && !dp.ports.isEmpty()) {
        dp.count(c);
      } else if (!l.isBlank() && !STATS.matcher(l).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "dpctl show"));
      }
    }
    add(dp, out);
    return Parsed.of(new OvsDpctlShow(out), findings);
  }

  private static void add(Dp dp, List<OvsDpctlShow.Datapath> out) {
    if (dp != null) {
      out.add(new OvsDpctlShow.Datapath(dp.type, dp.name, dp.ports, dp.line, dp.lookups));
    }
  }

  /** A datapath being read; its last port takes the counter lines that follow it. */
  private static final class Dp {
    final String type;
    final String name;
    final int line;
    final List<OvsDpctlShow.DpPort> ports = new ArrayList<>();
    Optional<OvsDpctlShow.Lookups> lookups = Optional.empty();

    Dp(String type, String name, int line) {
      this.type = type;
      this.name = name;
      this.line = line;
    }

    void count(Matcher c) {
      OvsDpctlShow.DpPort last = ports.get(ports.size() - 1);
      OvsDpctlShow.PortCounters was =
          last.counters().orElse(new OvsDpctlShow.PortCounters(0, 0, 0, 0, 0, 0));
      long packets = Long.parseLong(c.group("p"));
      long errors = Long.parseLong(c.group("e"));
      long dropped = Long.parseLong(c.group("d"));
      OvsDpctlShow.PortCounters now =
          c.group("dir").equals("RX")
              ? new OvsDpctlShow.PortCounters(
                  packets, errors, dropped, was.txPackets(), was.txErrors(), was.txDropped())
              : new OvsDpctlShow.PortCounters(
                  was.rxPackets(), was.rxErrors(), was.rxDropped(), packets, errors, dropped);
      ports.set(
          ports.size() - 1,
          new OvsDpctlShow.DpPort(
              last.number(),
              last.name(),
              last.type(),
              last.details(),
              last.line(),
              Optional.of(now)));
    }
  }
}
