package io.vmflow.capture;

import org.pcap4j.packet.IcmpV4EchoPacket;
import org.pcap4j.packet.IcmpV4EchoReplyPacket;
import org.pcap4j.packet.IcmpV6EchoReplyPacket;
import org.pcap4j.packet.IcmpV6EchoRequestPacket;
import org.pcap4j.packet.IpPacket;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * pcap4j for link types the fast path does not read (PPP, IP over InfiniBand, loopback, ...):
 * slower, but it knows far more protocols. Only the frames of such captures come here.
 */
final class FallbackDecoder {

  String src;
  String dst;
  boolean request;
  int id;
  int seq;

  /**
   * Whether the last frame decoded held an IP packet at all (false: a link type not understood).
   */
  boolean sawIp;

  boolean decode(byte[] b, int len, int linkType) {
    sawIp = false;
    Packet packet;
    try {
      packet =
          PacketFactories.getFactory(Packet.class, DataLinkType.class)
              .newInstance(b, 0, len, DataLinkType.getInstance(linkType));
    } catch (RuntimeException e) {
      return false;
    }
    IpPacket ip = packet.get(IpPacket.class);
    if (ip == null) {
      return false;
    }
    sawIp = true;
    src = text(ip.getHeader().getSrcAddr().getAddress());
    dst = text(ip.getHeader().getDstAddr().getAddress());
    if (packet.contains(IcmpV4EchoPacket.class)) {
      return set(
          true,
          packet.get(IcmpV4EchoPacket.class).getHeader().getIdentifierAsInt(),
          packet.get(IcmpV4EchoPacket.class).getHeader().getSequenceNumberAsInt());
    }
    if (packet.contains(IcmpV4EchoReplyPacket.class)) {
      return set(
          false,
          packet.get(IcmpV4EchoReplyPacket.class).getHeader().getIdentifierAsInt(),
          packet.get(IcmpV4EchoReplyPacket.class).getHeader().getSequenceNumberAsInt());
    }
    if (packet.contains(IcmpV6EchoRequestPacket.class)) {
      return set(
          true,
          packet.get(IcmpV6EchoRequestPacket.class).getHeader().getIdentifierAsInt(),
          packet.get(IcmpV6EchoRequestPacket.class).getHeader().getSequenceNumberAsInt());
    }
    if (packet.contains(IcmpV6EchoReplyPacket.class)) {
      return set(
          false,
          packet.get(IcmpV6EchoReplyPacket.class).getHeader().getIdentifierAsInt(),
          packet.get(IcmpV6EchoReplyPacket.class).getHeader().getSequenceNumberAsInt());
    }
    return false;
  }

  private static String text(byte[] a) {
    return a.length == 16
        ? Addresses.v6(a, 0)
        : (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
  }

  private boolean set(boolean request, int id, int seq) {
    this.request = request;
    this.id = id;
    this.seq = seq;
    return true;
  }
}
