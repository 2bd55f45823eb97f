package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-appctl tnl/ports/show} (sos: {@code ovs-appctl_tnl.ports.show_-v}):
 *
 * <pre>
 * Listening ports:
 * genev_sys_6081 (6081) ref_cnt=2
 * gre_sys (3) ref_cnt=2
 * gtpu_sys_2152 (2152) ref_cnt=1
 * vxlan_sys_4789 (4789) ref_cnt=3
 * </pre>
 *
 * Kept: each listener's device, port and reference count (with {@code -v}, one row per tunnel flow,
 * the count unknown). An empty listing (the header alone) is a valid output: no native tunnel. The
 * number in parentheses is the device's datapath port ({@code tnl-ports.c} prints {@code
 * odp_to_u32(p->port)}): OVS's own tests give it the UDP port's value, a real switch does not
 * ({@code vxlan_sys_4789 (3) ref_cnt=1}), so the UDP port is read from the device's name, and the
 * datapath port is kept only where the name has none (GRE).
 */
final class OvsAppctlTnlPortsShowParser implements CommandParser<OvsAppctlTnlPortsShow> {

  // vxlan_sys_4789 (4789) ref_cnt=3   /   with -v: vxlan_sys_4789 (4789) : recirc_id(0),...
  private static final Pattern LISTENER =
      Pattern.compile(
          "^\\s*(?<dev>\\S+) \\((?<port>\\d{1,10})\\)(?: ref_cnt=(?<ref>\\d{1,10})| : .*)\\s*$");

  private static final Pattern UDP_IN_NAME = Pattern.compile("_(\\d{1,5})$");

  private static int port(String device, String parenthesised) {
    Matcher udp = UDP_IN_NAME.matcher(device);
    return (int)
        Math.min(Integer.MAX_VALUE, Long.parseLong(udp.find() ? udp.group(1) : parenthesised));
  }

  @Override
  public Spec spec() {
    return Spec.OVS_APPCTL_TNL_PORTS_SHOW;
  }

  @Override
  public Class<OvsAppctlTnlPortsShow> type() {
    return OvsAppctlTnlPortsShow.class;
  }

  @Override
  public Parsed<OvsAppctlTnlPortsShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsAppctlTnlPortsShow.Listener> out = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      Matcher m = LISTENER.matcher(l);
      if (m.matches()) {
        out.add(
            new OvsAppctlTnlPortsShow.Listener(
                m.group("dev"),
                port(m.group("dev"), m.group("port")),
                m.group("ref") == null
                    ? -1
                    : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(m.group("ref"))),
                source.lineNo(i)));
      } else if (!l.isBlank() && !l.strip().equals("Listening ports:")) {
        findings.add(ParseFindings.unrecognised(source, i, "tnl/ports/show"));
      }
    }
    return Parsed.of(new OvsAppctlTnlPortsShow(out), findings);
  }
}
