package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.IcmpEcho;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tcpdump's text output: ICMP and ICMPv6 echo requests and replies, with {@code -e} link headers
 * and 802.1Q tags when shown, in the one-line ({@code -nn}, {@code -nne}) and two-line ({@code -v})
 * forms.
 *
 * <pre>
 * listening on tap1c65142e-2a, link-type EN10MB (Ethernet), capture size 262144 bytes
 * 14:32:10.193922 fa:16:3e:63:28:94 > fa:16:3e:29:fb:13, ethertype IPv4 (0x0800), length 98: 10.0.0.107 > 10.0.0.17: ICMP echo request, id 32629, seq 10762, length 64
 * 14:32:10.194007 fa:16:3e:29:fb:13 > fa:16:3e:63:28:94, ethertype IPv4 (0x0800), length 98: 10.0.0.17 > 10.0.0.107: ICMP echo reply, id 32629, seq 10762, length 64
 * </pre>
 *
 * Times of day become instants on 1970-01-01 UTC unless {@code -tttt} printed a date; microseconds
 * and nanoseconds are kept. Other packets are skipped; the capture point is the {@code listening
 * on} interface, else the command's {@code -i}.
 */
final class TcpdumpTextParser implements CommandParser<TcpdumpText> {

  //     1  2009-11-25 17:27:26.701826 IP ...   (frame number and date optional)
  private static final Pattern PACKET =
      Pattern.compile(
          "^\\s*(\\d+\\s+)?((?<date>\\d{4}-\\d\\d-\\d\\d)\\s+)?(?<time>\\d\\d:\\d\\d:\\d\\d\\.\\d{1,9})\\s+(?<rest>.*)$");
  private static final Pattern TIME_LIKE =
      Pattern.compile("^\\s*(\\d+\\s+)?(\\d{4}-\\d\\d-\\d\\d\\s+)?\\d\\d:\\d\\d:\\d\\d\\b.*");
  // fa:16:3e:63:28:94 > fa:16:3e:29:fb:13, ethertype IPv4 (0x0800), length 98: ...
  private static final Pattern MACS =
      Pattern.compile(
          "^(?<src>[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}) > (?<dst>[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}),.*");
  // ..., vlan 15, p 0, ethertype IPv4 ...
  private static final Pattern VLAN = Pattern.compile("\\bvlan (?<vlan>\\d{1,4})\\b");
  // 10.0.0.107 > 10.0.0.17: ICMP echo request, id 32629, seq 10762, length 64
  // fe80::1 > fe80::2: ICMP6, echo reply, id 1, seq 7, length 64
  private static final Pattern ECHO =
      Pattern.compile(
          "(?<src>[0-9a-fA-F.:]+) > (?<dst>[0-9a-fA-F.:]+): ICMP6?,? echo (?<type>request|reply),( id (?<id>\\d+),)? seq (?<seq>\\d+)");
  // listening on tap1c65142e-2a, link-type EN10MB (Ethernet), capture size 262144 bytes
  private static final Pattern LISTENING =
      Pattern.compile("^(tcpdump: )?listening on (?<if>[^,\\s]+),.*");

  @Override
  public Spec spec() {
    return Spec.TCPDUMP_TEXT;
  }

  @Override
  public Class<TcpdumpText> type() {
    return TcpdumpText.class;
  }

  @Override
  public Parsed<TcpdumpText> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<IcmpEcho> echoes = new ArrayList<>();
    String point = source.subject();
    Header header = null;
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher l = LISTENING.matcher(line);
      if (l.matches()) {
        point = l.group("if");
        continue;
      }
      Matcher p = PACKET.matcher(line);
      if (p.matches()) {
        header = header(p, i);
        if (header == null) {
          findings.add(
              ParseFindings.badValue(source, i, "unreadable timestamp: '" + line.trim() + "'"));
          continue;
        }
      } else if (TIME_LIKE.matcher(line).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "tcpdump"));
        header = null;
        continue;
      }
      if (header == null || header.done) {
        continue;
      }
      Matcher e = ECHO.matcher(line);
      if (e.find()) {
        header.done = true;
        echoes.add(echo(header, e, point.isEmpty() ? "unknown" : point, source, i));
      }
    }
    return Parsed.of(new TcpdumpText(point, echoes), findings);
  }

  private static IcmpEcho echo(Header h, Matcher e, String point, SourceText s, int i) {
    IcmpEcho.EchoType type =
        e.group("type").equals("request") ? IcmpEcho.EchoType.REQUEST : IcmpEcho.EchoType.REPLY;
    int id = e.group("id") == null ? 0 : Integer.parseInt(e.group("id"));
    return new IcmpEcho(
        point,
        h.time,
        h.srcMac,
        h.dstMac,
        h.vlan,
        e.group("src"),
        e.group("dst"),
        type,
        id,
        Integer.parseInt(e.group("seq")),
        s.origin(),
        s.lineNo(i));
  }

  private static Header header(Matcher p, int index) {
    Instant time;
    try {
      LocalDate date = p.group("date") == null ? LocalDate.EPOCH : LocalDate.parse(p.group("date"));
      time = LocalTime.parse(p.group("time")).atDate(date).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException ex) {
      return null;
    }
    String rest = p.group("rest");
    Matcher m = MACS.matcher(rest);
    Optional<MacAddress> src = m.matches() ? MacAddress.parse(m.group("src")) : Optional.empty();
    Optional<MacAddress> dst = m.matches() ? MacAddress.parse(m.group("dst")) : Optional.empty();
    Matcher v = VLAN.matcher(rest);
    int vlan = v.find() ? Integer.parseInt(v.group("vlan")) : -1;
    return new Header(time, src, dst, vlan);
  }

  private static final class Header {
    final Instant time;
    final Optional<MacAddress> srcMac;
    final Optional<MacAddress> dstMac;
    final int vlan;
    boolean done;

    Header(Instant time, Optional<MacAddress> srcMac, Optional<MacAddress> dstMac, int vlan) {
      this.time = time;
      this.srcMac = srcMac;
      this.dstMac = dstMac;
      this.vlan = vlan;
    }
  }
}
