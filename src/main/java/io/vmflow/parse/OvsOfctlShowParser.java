package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.model.PortNo;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ovs-ofctl show <bridge>} in its OpenFlow 1.0 and 1.3 forms: the datapath id and every
 * OpenFlow port with its number, name, MAC, config and state.
 *
 * <pre>
 * OFPT_FEATURES_REPLY (xid=0x2): dpid:0000a69655a66744
 * n_tables:254, n_buffers:0
 *  1(qvm1c65142e-2a): addr:4e:62:11:3f:ce:3a
 *      config:     0
 *      state:      0
 *      speed: 0 Mbps now, 0 Mbps max
 *  LOCAL(ply1c65142e-2a): addr:a6:96:55:a6:67:44
 *      config:     PORT_DOWN
 *      state:      LINK_DOWN
 * OFPT_GET_CONFIG_REPLY (xid=0x4): frags=normal miss_send_len=0
 * </pre>
 *
 * Ignored: capabilities, actions, current/advertised/supported/peer and speed lines. A grep-cut
 * output holds port lines only; the bridge is then the command's subject.
 */
final class OvsOfctlShowParser implements CommandParser<OvsOfctlShow> {

  //  71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17     LOCAL(br-int): addr:...
  private static final Pattern PORT =
      Pattern.compile(
          "^\\s*(?<no>\\d+|LOCAL|local)\\((?<name>.*)\\): addr:(?<mac>[0-9a-fA-F:]+)\\s*$");
  // OFPT_FEATURES_REPLY (OF1.3) (xid=0x2): dpid:0000a69655a66744
  private static final Pattern DPID = Pattern.compile(".*\\bdpid:(?<dpid>[0-9a-fA-F]+).*");
  //      config:     PORT_DOWN       state:      LINK_DOWN LIVE
  private static final Pattern FLAGS =
      Pattern.compile("^\\s+(?<key>config|state):\\s+(?<flags>.*)$");
  private static final Pattern IGNORED =
      Pattern.compile(
          "^(\\s*(current|advertised|supported|peer|speed|n_tables|n_buffers|capabilities|actions|OFPT_|OFPST_|NXST_|--).*|\\S+:.*)$");

  @Override
  public Spec spec() {
    return Spec.OVS_OFCTL_SHOW;
  }

  @Override
  public Class<OvsOfctlShow> type() {
    return OvsOfctlShow.class;
  }

  @Override
  public Parsed<OvsOfctlShow> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<OvsOfctlShow.OfPort> ports = new ArrayList<>();
    String dpid = "";
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher port = PORT.matcher(line);
      Matcher flags = FLAGS.matcher(line);
      Matcher d = DPID.matcher(line);
      if (port.matches()) {
        ports.add(
            new OvsOfctlShow.OfPort(
                PortNo.of(port.group("no")),
                port.group("name"),
                MacAddress.parse(port.group("mac")),
                List.of(),
                List.of(),
                source.lineNo(i)));
      } else if (flags.matches() && !ports.isEmpty()) {
        ports.set(
            ports.size() - 1,
            withFlags(ports.get(ports.size() - 1), flags.group("key"), flags.group("flags")));
      } else if (d.matches() && dpid.isEmpty()) {
        dpid = d.group("dpid");
      } else if (!line.isBlank() && !IGNORED.matcher(line).matches() && !line.startsWith("     ")) {
        findings.add(ParseFindings.unrecognised(source, i, "ovs-ofctl show"));
      }
    }
    return Parsed.of(new OvsOfctlShow(source.subject(), dpid, ports), findings);
  }

  private static OvsOfctlShow.OfPort withFlags(OvsOfctlShow.OfPort p, String key, String text) {
    List<String> flags =
        Arrays.stream(text.trim().split("\\s+")).filter(f -> !f.equals("0")).toList();
    return key.equals("config")
        ? new OvsOfctlShow.OfPort(p.portNo(), p.name(), p.mac(), flags, p.state(), p.line())
        : new OvsOfctlShow.OfPort(p.portNo(), p.name(), p.mac(), p.config(), flags, p.line());
  }
}
