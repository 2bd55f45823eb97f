package io.vmflow.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes pcap and pcapng files for tests, with frames built from scratch: Ethernet, optional
 * 802.1Q/802.1ad tags, IPv4, ICMP echo, and VXLAN encapsulation.
 */
public final class CaptureWriter {

  private CaptureWriter() {}

  public static byte[] echo(
      String src, String dst, boolean request, int id, int seq, int... vlans) {
    ByteBuffer b = ByteBuffer.allocate(14 + 4 * vlans.length + 20 + 8 + 56);
    b.put(new byte[] {(byte) 0xfa, 0x16, 0x3e, 0, 0, 2})
        .put(new byte[] {(byte) 0xfa, 0x16, 0x3e, 0, 0, 1});
    for (int i = 0; i < vlans.length; i++) {
      b.putShort((short) (i == 0 && vlans.length > 1 ? 0x88a8 : 0x8100)).putShort((short) vlans[i]);
    }
    b.putShort((short) 0x0800);
    ipv4(b, src, dst, 1, 8 + 56);
    b.put((byte) (request ? 8 : 0))
        .put((byte) 0)
        .putShort((short) 0)
        .putShort((short) id)
        .putShort((short) seq)
        .put(new byte[56]);
    return b.array();
  }

  static byte[] vxlan(byte[] inner, String outerSrc, String outerDst) {
    ByteBuffer b = ByteBuffer.allocate(14 + 20 + 8 + 8 + inner.length);
    b.put(new byte[6]).put(new byte[6]).putShort((short) 0x0800);
    ipv4(b, outerSrc, outerDst, 17, 8 + 8 + inner.length);
    b.putShort((short) 50000)
        .putShort((short) 4789)
        .putShort((short) (16 + inner.length))
        .putShort((short) 0);
    b.put((byte) 0x08).put(new byte[3]).put(new byte[] {0, 0, 100, 0});
    b.put(inner);
    return b.array();
  }

  private static void ipv4(ByteBuffer b, String src, String dst, int proto, int payload) {
    b.put((byte) 0x45)
        .put((byte) 0)
        .putShort((short) (20 + payload))
        .putShort((short) 1)
        .putShort((short) 0x4000);
    b.put((byte) 64).put((byte) proto).putShort((short) 0);
    for (String a : new String[] {src, dst}) {
      for (String part : a.split("\\.")) {
        b.put((byte) Integer.parseInt(part));
      }
    }
  }

  /** A classic pcap writer (little-endian); {@code nanos} picks the nanosecond magic. */
  public static final class Pcap {
    private final OutputStream out;
    private final boolean nanos;

    public Pcap(OutputStream out, boolean nanos, int linkType) throws IOException {
      this.out = out;
      this.nanos = nanos;
      ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4)
          .putShort((short) 2)
          .putShort((short) 4)
          .putInt(0)
          .putInt(0)
          .putInt(65535)
          .putInt(linkType);
      out.write(h.array());
    }

    public void frame(long epochNanos, byte[] data) throws IOException {
      ByteBuffer h = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      long sec = epochNanos / 1_000_000_000L;
      long frac = epochNanos % 1_000_000_000L;
      h.putInt((int) sec)
          .putInt((int) (nanos ? frac : frac / 1000))
          .putInt(data.length)
          .putInt(data.length);
      out.write(h.array());
      out.write(data);
    }
  }

  /** A pcapng writer (big-endian, to exercise the other byte order) with named interfaces. */
  static final class Pcapng {
    private final OutputStream out;

    Pcapng(OutputStream out) throws IOException {
      this.out = out;
      ByteBuffer shb = ByteBuffer.allocate(28);
      shb.putInt(0x0a0d0d0a)
          .putInt(28)
          .putInt(0x1a2b3c4d)
          .putShort((short) 1)
          .putShort((short) 0)
          .putLong(-1)
          .putInt(28);
      out.write(shb.array());
    }

    /** An interface with {@code if_name} and, when {@code nanos}, {@code if_tsresol} 9. */
    void iface(String name, boolean nanos) throws IOException {
      byte[] n = name.getBytes(StandardCharsets.UTF_8);
      int nameOpt = 4 + ((n.length + 3) & ~3);
      int len = 8 + 8 + nameOpt + (nanos ? 8 : 0) + 4 + 4;
      ByteBuffer b = ByteBuffer.allocate(len);
      b.putInt(1).putInt(len).putShort((short) 1).putShort((short) 0).putInt(65535);
      b.putShort((short) 2)
          .putShort((short) n.length)
          .put(n)
          .put(new byte[((n.length + 3) & ~3) - n.length]);
      if (nanos) {
        b.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]);
      }
      b.putShort((short) 0).putShort((short) 0).putInt(len);
      out.write(b.array());
    }

    void packet(int iface, long ts, byte[] data) throws IOException {
      int padded = (data.length + 3) & ~3;
      int len = 28 + padded + 4;
      ByteBuffer b = ByteBuffer.allocate(len);
      b.putInt(6)
          .putInt(len)
          .putInt(iface)
          .putInt((int) (ts >>> 32))
          .putInt((int) ts)
          .putInt(data.length)
          .putInt(data.length);
      b.put(data).put(new byte[padded - data.length]).putInt(len);
      out.write(b.array());
    }
  }

  static byte[] bytes(ThrowingWriter w) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    w.write(out);
    return out.toByteArray();
  }

  interface ThrowingWriter {
    void write(OutputStream out) throws IOException;
  }
}
