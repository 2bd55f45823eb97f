package io.vmflow.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One ICMP or ICMPv6 echo request or reply seen at one capture point.
 *
 * @param point capture point: interface name from the capture, else derived from the file name,
 *     else "unknown"
 * @param time packet timestamp; tcpdump text gives only the time of day, on 1970-01-01
 * @param srcMac source MAC, empty when the capture has no link layer
 * @param dstMac destination MAC, empty when the capture has no link layer
 * @param vlan outermost 802.1Q VLAN id, or -1 when untagged
 * @param src source IP as printed ({@code 10.0.0.107}, {@code fe80::1})
 * @param dst destination IP as printed
 * @param origin file the packet came from
 * @param index 1-based frame number in the capture, or line number for tcpdump text
 */
public record IcmpEcho(
    String point,
    Instant time,
    Optional<MacAddress> srcMac,
    Optional<MacAddress> dstMac,
    int vlan,
    String src,
    String dst,
    EchoType type,
    int id,
    int seq,
    String origin,
    long index) {

  /** Request or reply. */
  public enum EchoType {
    REQUEST,
    REPLY
  }

  public IcmpEcho {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(type, "type");
    srcMac = srcMac == null ? Optional.empty() : srcMac;
    dstMac = dstMac == null ? Optional.empty() : dstMac;
    origin = origin == null ? "" : origin;
  }

  public boolean isRequest() {
    return type == EchoType.REQUEST;
  }
}
