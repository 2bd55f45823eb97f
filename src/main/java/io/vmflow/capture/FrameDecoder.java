package io.vmflow.capture;

/**
 * The fast path: finds an ICMP/ICMPv6 echo in a frame by reading header fields in place, without
 * allocating for frames that are not echoes. Covers Ethernet with 802.1Q / 802.1ad (QinQ) tags,
 * Linux cooked captures v1 and v2, IP over InfiniBand, Solaris ipnet, raw IP, IPv4 and IPv6 (with
 * extension headers), and the tunnels a cloud puts frames in: VXLAN (UDP 4789), Geneve (6081), GRE
 * (transparent Ethernet, IP) and ERSPAN types II and III, IP-in-IP and 6in4. Anything else returns
 * false and is left to {@link FallbackDecoder}.
 */
final class FrameDecoder {

  /** Link types (pcap LINKTYPE_*) the fast path reads. */
  static final int ETHERNET = 1;

  static final int RAW = 101;
  static final int RAW_12 = 12;
  static final int RAW_14 = 14;
  static final int IPV4 = 228;
  static final int IPV6 = 229;
  static final int SLL = 113;
  static final int SLL2 = 276;
  static final int IPOIB = 242;
  static final int IPNET = 226;

  private static final int MAX_NESTING = 4;

  private final Addresses addresses = new Addresses();

  // what the last successful decode found: an IPv4 echo's addresses as read (big-endian ints,
  // made text only when asked: a capture reader that keys flows by them makes no text per echo),
  // an IPv6 echo's as text
  boolean v4;
  int srcV4;
  int dstV4;
  private String src6;
  private String dst6;

  /** What the last successful {@link #decode} found. */
  boolean request;

  int id;
  int seq;
  int vlan;

  /**
   * The echo's IP packet length from its own header (not the captured bytes): IPv4 total length,
   * IPv6 40 plus the payload length.
   */
  int size;

  static boolean knows(int linkType) {
    return switch (linkType) {
      case ETHERNET, RAW, RAW_12, RAW_14, IPV4, IPV6, SLL, SLL2, IPOIB, IPNET -> true;
      default -> false;
    };
  }

  /** True when {@code b[0..len)} holds an echo; its fields are then in this decoder's fields. */
  boolean decode(byte[] b, int len, int linkType) {
    return decode(b, 0, len, linkType);
  }

  /** True when {@code b[start..end)} holds an echo. */
  boolean decode(byte[] b, int start, int end, int linkType) {
    vlan = -1;
    int n = end - start;
    return switch (linkType) {
      case ETHERNET -> ethernet(b, start, end, 0);
      case SLL -> n >= 16 && ether(b, start + 16, end, u16(b, start + 14), 0);
      case SLL2 -> n >= 20 && ether(b, start + 20, end, u16(b, start), 0);
      // IP over InfiniBand (RFC 4391): 20-byte destination and source hardware addresses, type,
      // reserved
      case IPOIB -> n >= 44 && ether(b, start + 44, end, u16(b, start + 40), 0);
      // Solaris ipnet: a 24-byte header, then the IP packet
      case IPNET -> n > 24 && ip(b, start + 24, end, 0);
      case RAW, RAW_12, RAW_14, IPV4, IPV6 -> n > 0 && ip(b, start, end, 0);
      default -> false;
    };
  }

  private boolean ethernet(byte[] b, int off, int len, int depth) {
    if (len - off < 14) {
      return false;
    }
    return ether(b, off + 14, len, u16(b, off + 12), depth);
  }

  // 0x8100 802.1Q, 0x88a8 802.1ad, 0x9100 old QinQ: the outermost tag is the VLAN reported
  private boolean ether(byte[] b, int off, int len, int type, int depth) {
    while ((type == 0x8100 || type == 0x88a8 || type == 0x9100) && len - off >= 4) {
      if (vlan < 0 && depth == 0) {
        vlan = u16(b, off) & 0x0fff;
      }
      type = u16(b, off + 2);
      off += 4;
    }
    return switch (type) {
      case 0x0800 -> ipv4(b, off, len, depth);
      case 0x86dd -> ipv6(b, off, len, depth);
      default -> false;
    };
  }

  private boolean ip(byte[] b, int off, int len, int depth) {
    int version = (b[off] & 0xf0) >>> 4;
    return version == 4 ? ipv4(b, off, len, depth) : version == 6 && ipv6(b, off, len, depth);
  }

  private boolean ipv4(byte[] b, int off, int len, int depth) {
    if (len - off < 20 || (b[off] & 0xf0) != 0x40) {
      return false;
    }
    int ihl = (b[off] & 0x0f) * 4;
    int fragOffset = u16(b, off + 6) & 0x1fff;
    if (fragOffset != 0 || len - off < ihl) {
      return false;
    }
    int proto = b[off + 9] & 0xff;
    int p = off + ihl;
    return switch (proto) {
      case 1 -> echo(b, p, len, 8, 0) && v4(b, off);
      case 17 -> udp(b, p, len, depth);
      case 47 -> gre(b, p, len, depth);
      case 4 -> depth < MAX_NESTING && ipv4(b, p, len, depth + 1);
      case 41 -> depth < MAX_NESTING && ipv6(b, p, len, depth + 1);
      default -> false;
    };
  }

  private boolean ipv6(byte[] b, int off, int len, int depth) {
    if (len - off < 40) {
      return false;
    }
    int next = b[off + 6] & 0xff;
    int p = off + 40;
    // hop-by-hop, routing, destination options, fragment, AH: skip to the upper layer
    while (next == 0 || next == 43 || next == 60 || next == 44 || next == 51) {
      if (len - p < 8) {
        return false;
      }
      int hdrLen =
          next == 44 ? 8 : next == 51 ? ((b[p + 1] & 0xff) + 2) * 4 : ((b[p + 1] & 0xff) + 1) * 8;
      if (next == 44 && (u16(b, p + 2) & 0xfff8) != 0) {
        return false;
      }
      next = b[p] & 0xff;
      p += hdrLen;
    }
    return switch (next) {
      case 58 -> echo(b, p, len, 128, 129) && v6(b, off);
      case 17 -> udp(b, p, len, depth);
      case 47 -> gre(b, p, len, depth);
      case 4 -> depth < MAX_NESTING && ipv4(b, p, len, depth + 1);
      case 41 -> depth < MAX_NESTING && ipv6(b, p, len, depth + 1);
      default -> false;
    };
  }

  private boolean echo(byte[] b, int p, int len, int requestType, int replyType) {
    if (len - p < 8) {
      return false;
    }
    int type = b[p] & 0xff;
    if (type != requestType && type != replyType) {
      return false;
    }
    request = type == requestType;
    id = u16(b, p + 4);
    seq = u16(b, p + 6);
    return true;
  }

  /** The echo's source address as tcpdump prints it. */
  String src() {
    return v4 ? addresses.v4(srcV4) : src6;
  }

  /** The echo's destination address as tcpdump prints it. */
  String dst() {
    return v4 ? addresses.v4(dstV4) : dst6;
  }

  /**
   * The text of an IPv4 address read by this decoder (from its cache: the same String each time).
   */
  String v4Text(int address) {
    return addresses.v4(address);
  }

  private boolean v4(byte[] b, int ipOffset) {
    v4 = true;
    srcV4 = i32(b, ipOffset + 12);
    dstV4 = i32(b, ipOffset + 16);
    size = u16(b, ipOffset + 2);
    return true;
  }

  private boolean v6(byte[] b, int ipOffset) {
    v4 = false;
    src6 = Addresses.v6(b, ipOffset + 8);
    dst6 = Addresses.v6(b, ipOffset + 24);
    size = 40 + u16(b, ipOffset + 4);
    return true;
  }

  // VXLAN 4789 (and 8472, Linux's old default), Geneve 6081: the inner Ethernet frame
  private boolean udp(byte[] b, int p, int len, int depth) {
    if (len - p < 8 || depth >= MAX_NESTING) {
      return false;
    }
    int dport = u16(b, p + 2);
    int q = p + 8;
    if ((dport == 4789 || dport == 8472) && len - q >= 8) {
      return ethernet(b, q + 8, len, depth + 1);
    }
    if (dport == 6081 && len - q >= 8) {
      int optLen = (b[q] & 0x3f) * 4;
      int proto = u16(b, q + 2);
      int inner = q + 8 + optLen;
      return proto == 0x6558
          ? ethernet(b, inner, len, depth + 1)
          : ether(b, inner, len, proto, depth + 1);
    }
    return false;
  }

  // GRE: C, K, S flags add 4 bytes each; 0x6558 Ethernet, 0x88be ERSPAN II, 0x22eb ERSPAN III
  private boolean gre(byte[] b, int p, int len, int depth) {
    if (len - p < 4 || depth >= MAX_NESTING) {
      return false;
    }
    int flags = u16(b, p);
    int proto = u16(b, p + 2);
    int q =
        p
            + 4
            + ((flags & 0x8000) != 0 ? 4 : 0)
            + ((flags & 0x2000) != 0 ? 4 : 0)
            + ((flags & 0x1000) != 0 ? 4 : 0);
    return switch (proto) {
      case 0x6558 -> ethernet(b, q, len, depth + 1);
      case 0x88be ->
          (flags & 0x1000) != 0
              ? ethernet(b, q + 8, len, depth + 1)
              : ethernet(b, q, len, depth + 1);
      case 0x22eb ->
          len - q >= 12 && ethernet(b, q + 12 + ((b[q + 11] & 0x01) != 0 ? 8 : 0), len, depth + 1);
      case 0x0800, 0x86dd -> ip(b, q, len, depth + 1);
      default -> false;
    };
  }

  private static int i32(byte[] b, int off) {
    return (b[off] & 0xff) << 24
        | (b[off + 1] & 0xff) << 16
        | (b[off + 2] & 0xff) << 8
        | (b[off + 3] & 0xff);
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xff) << 8 | (b[off + 1] & 0xff);
  }
}
