package io.vmflow.cause;

import io.vmflow.parse.OvsOfctlDumpFlows;
import java.util.Locale;

/**
 * Whether an OpenFlow match covers a lost packet, field by field as {@code ovs-ofctl dump-flows}
 * prints them: {@code in_port} (number or name), the protocol shorthands and {@code dl_type}/{@code
 * nw_proto}, {@code icmp_type}/{@code icmp_code}, {@code nw_src}/{@code nw_dst} with prefix or
 * dotted masks, {@code dl_src}/{@code dl_dst} with masks, {@code dl_vlan} and {@code vlan_tci}. A
 * field it cannot judge from the packet alone (registers, metadata, conntrack state, tunnel ids)
 * makes the answer "no": only the replica trace can say what such a flow does.
 */
final class FlowMatch {

  private FlowMatch() {}

  static boolean covers(OvsOfctlDumpFlows.Flow flow, Packet p) {
    for (OvsOfctlDumpFlows.Field f : flow.match()) {
      if (!field(f.name(), f.value(), p)) {
        return false;
      }
    }
    return true;
  }

  private static boolean field(String name, String value, Packet p) {
    String v = value.replace("\"", "");
    return switch (name) {
      case "in_port" -> !v.isEmpty() && (v.equals(p.inPort()) || v.equals(p.inPortNo()));
      case "ip", "icmp" -> !p.isIpv6();
      case "ipv6", "icmp6" -> p.isIpv6();
      case "dl_type", "eth_type" -> v.equals(p.isIpv6() ? "0x86dd" : "0x0800");
      case "nw_proto", "ip_proto" -> v.equals(p.isIpv6() ? "58" : "1");
      case "icmp_type", "icmpv6_type" -> v.equals(String.valueOf(p.icmpType()));
      case "icmp_code", "icmpv6_code" -> v.equals("0");
      case "nw_src", "ip_src", "ipv6_src" -> Addresses.inNetwork(p.nwSrc(), v);
      case "nw_dst", "ip_dst", "ipv6_dst" -> Addresses.inNetwork(p.nwDst(), v);
      case "dl_src", "eth_src" -> macMatches(p.dlSrc(), v);
      case "dl_dst", "eth_dst" -> macMatches(p.dlDst(), v);
      case "dl_vlan" ->
          p.vlan() != Packet.VLAN_UNKNOWN
              && (v.equals("0xffff") ? p.vlan() == -1 : v.equals(String.valueOf(p.vlan())));
      case "vlan_tci" -> vlanTci(v, p.vlan());
      case "nw_frag" -> v.equals("no") || v.equals("not_later");
      default -> false;
    };
  }

  // vlan_tci=0x0000/0x1fff untagged; 0x1000/0x1000 any tag; 0x1001/0x1fff VLAN 1
  private static boolean vlanTci(String v, int vlan) {
    if (vlan == Packet.VLAN_UNKNOWN) {
      return false;
    }
    String[] parts = v.split("/");
    try {
      int tci = Integer.decode(parts[0]);
      int mask = parts.length > 1 ? Integer.decode(parts[1]) : 0xffff;
      int actual = vlan < 0 ? 0 : 0x1000 | vlan;
      return (actual & mask & 0x1fff) == (tci & mask & 0x1fff);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  // fa:16:3e:11:11:01 or 01:00:00:00:00:00/01:00:00:00:00:00
  private static boolean macMatches(String mac, String v) {
    if (mac.isEmpty()) {
      return false;
    }
    String[] parts = v.toLowerCase(Locale.ROOT).split("/");
    long actual = Addresses.macBits(mac);
    long want = Addresses.macBits(parts[0]);
    long mask = parts.length > 1 ? Addresses.macBits(parts[1]) : 0xffffffffffffL;
    return actual >= 0 && want >= 0 && mask >= 0 && (actual & mask) == (want & mask);
  }
}
