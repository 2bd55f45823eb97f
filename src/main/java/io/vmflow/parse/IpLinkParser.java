package io.vmflow.parse;

import io.vmflow.finding.Finding;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ip -d link show}, {@code ip -o link}, {@code ip -s -d link}, {@code ip addr}, {@code ip -o
 * addr}: one block per device, continuation lines indented (or joined by {@code \} in the one-line
 * forms).
 *
 * <pre>
 * 12: qvb81e4a23a-40@qvo81e4a23a-40: &lt;BROADCAST,MULTICAST,PROMISC,UP,LOWER_UP&gt; mtu 1450 qdisc noqueue master qbr81e4a23a-40 state UP mode DEFAULT group default qlen 1000
 *     link/ether 9a:2b:3c:4d:5e:6f brd ff:ff:ff:ff:ff:ff promiscuity 1
 *     veth
 *     inet 10.0.0.1/24 brd 10.0.0.255 scope global qvb81e4a23a-40
 * </pre>
 *
 * Kept: index, name, peer, flags, mtu, master, state, MAC, kind, addresses, point-to-point peers
 * ({@code inet A peer B/32}), tunnel ends ({@code link/ipip A peer B}) and, with {@code -s [-s]},
 * the statistics, read by their header so that every iproute2 layout is understood:
 *
 * <pre>
 *     RX: bytes  packets  errors  dropped overrun mcast
 *     21320      210      0       0       0       0
 *     RX errors: length   crc     frame   fifo    missed
 *                0        0       0       0       0
 *     TX:  bytes packets errors dropped carrier collsns
 *     10379      108      0       3       0       0
 * </pre>
 *
 * {@code -d} details other than the kind are skipped.
 */
final class IpLinkParser implements CommandParser<IpLink> {

  // 12: qvb81e4a23a-40@qvo81e4a23a-40: <BROADCAST,...,UP,LOWER_UP> mtu 1450 qdisc noqueue master
  // qbr... state UP ...
  private static final Pattern HEADER =
      Pattern.compile(
          "^(?<idx>\\d+):\\s+(?<name>[^:@\\s]+)(@(?<peer>[^:\\s]+))?:\\s+<(?<flags>[^>]*)>(?<rest>.*)$");
  //     link/ether 9a:2b:3c:4d:5e:6f brd ff:ff:ff:ff:ff:ff
  private static final Pattern LINK = Pattern.compile("^\\s*link/\\S+\\s+(?<mac>[0-9a-fA-F:]+).*");
  //     inet 10.0.0.1/24 brd ...   /   inet6 fe80::1/64 scope link
  //     inet 192.168.112.5 peer 192.168.122.6/32 scope global ip.tun2   (point-to-point: the
  //     prefix length belongs to the peer; the local address is kept as a host address, /32)
  private static final String ADDR =
      "inet6?\\s+(?<addr>[0-9a-fA-F.:]+)(/(?<len>\\d+)|\\s+peer\\s+(?<peer>[0-9a-fA-F.:]+/\\d+))";
  private static final Pattern INET = Pattern.compile("^\\s*" + ADDR + ".*");
  //  2: eth0    inet 10.0.0.5/24 brd ...   (ip -o addr: index, name, then the address)
  private static final Pattern O_ADDR =
      Pattern.compile("^(?<idx>\\d+):\\s+(?<name>\\S+)\\s+" + ADDR + ".*");
  //     link/ipip 10.192.4.203 peer 10.188.61.108   /   link/gre 10.211.47.217 peer 172.168.10.25
  private static final Pattern LINK_PEER =
      Pattern.compile(
          "^\\s*link/(?<type>\\S+)\\s+(?<local>[0-9a-fA-F.:]+)\\s+peer\\s+(?<remote>[0-9a-fA-F.:]+).*");
  //     veth  /  bridge forward_delay ...  /  vxlan id 100 remote 10.0.0.2 ...  /  openvswitch
  private static final Pattern KIND =
      Pattern.compile(
          "^\\s+(?<kind>veth|bridge|openvswitch|vxlan|geneve|gretap|vlan|bond|tun|dummy|macvlan|ipvlan)\\b.*");
  //     RX: bytes  packets  errors  dropped overrun mcast   /   RX:  bytes packets errors dropped
  //     missed   mcast   /   RX errors: length   crc ...   /   TX errors: aborted  fifo ...
  private static final Pattern STATS_HEADER =
      Pattern.compile("^\\s*(?<dir>RX|TX)(?<err> errors)?:\\s+(?<cols>[a-z]+(\\s+[a-z]+)*)\\s*$");
  //     21320      210      0       0       0       0   (values under a statistics header)
  private static final Pattern STATS_VALUES =
      Pattern.compile("^\\s*\\d{1,18}(\\s+\\d{1,18})*\\s*$");
  private static final Pattern WORD = Pattern.compile("\\b(mtu|master|state)\\s+(\\S+)");

  private final Spec spec;

  IpLinkParser() {
    this(Spec.IP_LINK);
  }

  IpLinkParser(Spec spec) {
    this.spec = spec;
  }

  @Override
  public Spec spec() {
    return spec;
  }

  @Override
  public Class<IpLink> type() {
    return IpLink.class;
  }

  @Override
  public Parsed<IpLink> parse(SourceText source) {
    List<Finding> findings = new ArrayList<>();
    List<Builder> devices = new ArrayList<>();
    List<String> lines = source.lines();
    for (int i = 0; i < lines.size(); i++) {
      for (String part : lines.get(i).split("\\\\")) {
        read(part, source, i, devices, findings);
      }
    }
    return Parsed.of(new IpLink(devices.stream().map(Builder::build).toList()), findings);
  }

  private static void read(
      String line, SourceText source, int i, List<Builder> devices, List<Finding> findings) {
    if (line.isBlank() || line.trim().equals("--") || line.trim().equals("...")) {
      return;
    }
    Matcher h = HEADER.matcher(line);
    Matcher oaddr = O_ADDR.matcher(line);
    Builder last = devices.isEmpty() ? null : devices.get(devices.size() - 1);
    if (h.matches()) {
      devices.add(new Builder(h, source.lineNo(i)));
    } else if (oaddr.matches()) {
      Builder b =
          devices.stream().filter(d -> d.name.equals(oaddr.group("name"))).findFirst().orElse(null);
      if (b == null) {
        b =
            new Builder(
                Integer.parseInt(oaddr.group("idx")), oaddr.group("name"), source.lineNo(i));
        devices.add(b);
      }
      b.address(oaddr);
    } else if (last == null) {
      findings.add(ParseFindings.unrecognised(source, i, "ip link"));
    } else if (last.readStats(line, source.lineNo(i))) {
      return;
    } else {
      Matcher linkPeer = LINK_PEER.matcher(line);
      Matcher link = LINK.matcher(line);
      Matcher inet = INET.matcher(line);
      Matcher kind = KIND.matcher(line);
      if (linkPeer.matches()) {
        last.tunnel =
            Optional.of(
                new IpLink.TunnelEnds(
                    linkPeer.group("type"), linkPeer.group("local"), linkPeer.group("remote")));
      } else if (link.matches()) {
        last.mac = MacAddress.parse(link.group("mac"));
      } else if (inet.matches()) {
        last.address(inet);
      } else if (kind.matches() && last.kind.isEmpty()) {
        last.kind = kind.group("kind");
      } else if (!line.startsWith(" ") && !line.startsWith("\t")) {
        findings.add(ParseFindings.unrecognised(source, i, "ip link"));
      }
    }
  }

  private static final class Builder {
    final int index;
    final String name;
    final String peer;
    final List<String> flags;
    int mtu;
    String master = "";
    String state = "";
    Optional<MacAddress> mac = Optional.empty();
    String kind = "";
    final List<String> addresses = new ArrayList<>();
    final List<IpLink.PointToPoint> pointToPoint = new ArrayList<>();
    Optional<IpLink.TunnelEnds> tunnel = Optional.empty();
    final List<Counter> counters = new ArrayList<>();
    // the column names of the statistics header just read, whose values come next
    List<String> columns = List.of();
    final int line;

    Builder(Matcher h, int line) {
      this.index = Integer.parseInt(h.group("idx"));
      this.name = h.group("name");
      this.peer = h.group("peer") == null ? "" : h.group("peer");
      this.flags =
          h.group("flags").isEmpty() ? List.of() : Arrays.asList(h.group("flags").split(","));
      this.line = line;
      Matcher w = WORD.matcher(h.group("rest"));
      while (w.find()) {
        switch (w.group(1)) {
          case "mtu" -> mtu = w.group(2).matches("\\d+") ? Integer.parseInt(w.group(2)) : 0;
          case "master" -> master = w.group(2);
          default -> state = w.group(2);
        }
      }
    }

    Builder(int index, String name, int line) {
      this.index = index;
      this.name = name;
      this.peer = "";
      this.flags = List.of();
      this.line = line;
    }

    /**
     * A statistics header (its columns are remembered) or the values under it; false for any other
     * line. Values that are not plain numbers ({@code ip -h}: {@code 6.04T}) are not kept.
     */
    boolean readStats(String text, int lineNo) {
      Matcher h = STATS_HEADER.matcher(text);
      if (h.matches()) {
        String dir = h.group("dir").toLowerCase(java.util.Locale.ROOT) + "_";
        columns = Arrays.stream(h.group("cols").trim().split("\\s+")).map(c -> dir + c).toList();
        return true;
      }
      if (columns.isEmpty()) {
        return false;
      }
      List<String> names = columns;
      columns = List.of();
      if (!STATS_VALUES.matcher(text).matches()) {
        return text.trim().matches("[-\\d.]+[KMGTP]?(\\s+[-\\d.]+[KMGTP]?)*");
      }
      String[] values = text.trim().split("\\s+");
      for (int k = 0; k < Math.min(values.length, names.size()); k++) {
        counters.add(new Counter(names.get(k), Long.parseLong(values[k]), lineNo));
      }
      return true;
    }

    /** An {@link #ADDR} match: {@code 10.0.0.1/24}, or {@code A peer B/32}. */
    void address(Matcher m) {
      if (m.group("peer") == null) {
        addresses.add(m.group("addr") + "/" + m.group("len"));
      } else {
        String local = m.group("addr") + (m.group("addr").contains(":") ? "/128" : "/32");
        addresses.add(local);
        pointToPoint.add(new IpLink.PointToPoint(local, m.group("peer")));
      }
    }

    IpLink.LinkDevice build() {
      return new IpLink.LinkDevice(
          index,
          name,
          peer,
          flags,
          mtu,
          master,
          state,
          mac,
          kind,
          addresses,
          line,
          pointToPoint,
          tunnel,
          counters);
    }
  }
}
