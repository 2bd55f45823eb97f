package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The DHCP agent's dnsmasq host file, {@code /var/lib/neutron/dhcp/<network id>/host} (sos copies
 * {@code /var/lib/neutron/} whole; the network is the file's folder):
 *
 * <pre>
 * fa:16:3e:61:21:c6,host-192-168-101-85.openstacklocal,192.168.101.85
 * </pre>
 *
 * One {@code --dhcp-hostsfile} entry a line: the MAC, then hostname and address in any order with
 * {@code set:}/{@code tag:} words ({@code ...,10.0.0.208,set:port-19c14411-...}); IPv6 addresses in
 * brackets ({@code [fdca:3ba5:a17a:4ba3::2]}). Kept: MAC, hostname, address, tags. Ignored: {@code
 * id:} client ids and lease times.
 */
final class DhcpHostFileParser implements CommandParser<DhcpHosts> {

  // 192.168.101.85
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  // [fdca:3ba5:a17a:4ba3::2]
  private static final Pattern IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]+)\\]");
  // set:port-19c14411-bb87-45b3-9281-df0bade823b2, tag:tag1, id:client1
  private static final Pattern WORD = Pattern.compile("(set|tag|id):.*");
  // 86400s, 12h, infinite
  private static final Pattern LEASE = Pattern.compile("\\d+[smhdw]?|infinite");

  @Override
  public Spec spec() {
    return Spec.NEUTRON_DHCP_HOST;
  }

  @Override
  public Class<DhcpHosts> type() {
    return DhcpHosts.class;
  }

  @Override
  public Parsed<DhcpHosts> parse(SourceText source) {
    List<DhcpHosts.Entry> out = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Optional<DhcpHosts.Entry> e = entry(line, source.lineNo(i));
      if (e.isPresent()) {
        out.add(e.get());
      } else {
        findings.add(ParseFindings.unrecognised(source, i, "DHCP host file"));
      }
    }
    return Parsed.of(new DhcpHosts(out), findings);
  }

  private static Optional<DhcpHosts.Entry> entry(String line, int lineNo) {
    String[] fields = line.split(",");
    Optional<MacAddress> mac = MacAddress.parse(fields[0].trim());
    if (mac.isEmpty()) {
      return Optional.empty();
    }
    String ip = "";
    String host = "";
    List<String> tags = new ArrayList<>();
    for (int f = 1; f < fields.length; f++) {
      String v = fields[f].trim();
      var v6 = IPV6.matcher(v);
      if (IPV4.matcher(v).matches() && ip.isEmpty()) {
        ip = v;
      } else if (v6.matches() && ip.isEmpty()) {
        ip = v6.group(1).toLowerCase(java.util.Locale.ROOT);
      } else if (WORD.matcher(v).matches()) {
        if (!v.startsWith("id:")) {
          tags.add(v);
        }
      } else if (host.isEmpty() && !LEASE.matcher(v).matches() && !v.isEmpty()) {
        host = v;
      }
    }
    return ip.isEmpty()
        ? Optional.empty()
        : Optional.of(new DhcpHosts.Entry(mac.get().value(), host, ip, tags, lineNo));
  }
}
