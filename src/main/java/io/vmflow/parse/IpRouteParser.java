package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code ip route show table all} (sos: {@code ip_route_show_table_all}, also inside each
 * namespace), {@code ip route}, {@code ip -6 route}:
 *
 * <pre>
 * default via 169.254.88.135 dev rfp-984c22fd-6 table 16 proto static
 * 192.168.21.0/24 dev qr-3a70b31c-3f proto kernel scope link src 192.168.21.1
 * local 192.168.21.1 dev qr-3a70b31c-3f table local proto kernel scope host src 192.168.21.1
 * fe80::/64 dev qr-3a70b31c-3f proto kernel metric 256 pref medium
 * </pre>
 *
 * Kept: route type, destination, via, dev, table, proto, scope, src. Ignored: metric, pref, flags
 * ({@code linkdown}, {@code onlink}), multipath {@code nexthop} lines beyond the first via.
 */
final class IpRouteParser implements CommandParser<IpRoute> {

  private static final Set<String> TYPES =
      Set.of(
          "unicast",
          "local",
          "broadcast",
          "multicast",
          "anycast",
          "unreachable",
          "blackhole",
          "prohibit",
          "throw",
          "nat");

  // default | 192.168.21.0/24 | 127.0.0.1 | fe80::/64 | ff00::/8
  private static final Pattern DESTINATION =
      Pattern.compile("^(default|[0-9a-fA-F.:]+(/\\d{1,3})?)$");

  // \tnexthop via 10.0.0.1 dev eth0 weight 1 (a multipath route's continuation)
  private static final Pattern NEXTHOP = Pattern.compile("^\\s+nexthop\\s.*");

  @Override
  public Spec spec() {
    return Spec.IP_ROUTE;
  }

  @Override
  public Class<IpRoute> type() {
    return IpRoute.class;
  }

  @Override
  public Parsed<IpRoute> parse(SourceText source) {
    List<IpRoute.Route> routes = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> w = new ArrayList<>(Arrays.asList(line.trim().split("\\s+")));
      if (NEXTHOP.matcher(line).matches() && !routes.isEmpty()) {
        IpRoute.Route last = routes.get(routes.size() - 1);
        if (last.via().isEmpty()) {
          routes.set(routes.size() - 1, withVia(last, after(w, "via"), after(w, "dev")));
        }
        continue;
      }
      String type = TYPES.contains(w.get(0)) ? w.remove(0) : "unicast";
      if (w.isEmpty() || !DESTINATION.matcher(w.get(0)).matches()) {
        findings.add(ParseFindings.unrecognised(source, i, "ip route"));
        continue;
      }
      String table = after(w, "table");
      routes.add(
          new IpRoute.Route(
              type,
              w.get(0),
              after(w, "via"),
              after(w, "dev"),
              table.isEmpty() ? "main" : table,
              after(w, "proto"),
              after(w, "scope"),
              after(w, "src"),
              source.lineNo(i)));
    }
    return Parsed.of(new IpRoute(routes), findings);
  }

  private static IpRoute.Route withVia(IpRoute.Route r, String via, String dev) {
    return new IpRoute.Route(
        r.type(),
        r.destination(),
        via,
        r.dev().isEmpty() ? dev : r.dev(),
        r.table(),
        r.proto(),
        r.scope(),
        r.src(),
        r.line());
  }

  private static String after(List<String> words, String key) {
    int i = words.indexOf(key);
    return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : "";
  }
}
