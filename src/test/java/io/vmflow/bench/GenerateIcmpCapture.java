package io.vmflow.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Benchmark input, not a test: writes a pcap of ICMP echo traffic of about the given size, 16 flows
 * pinging every 1 ms of capture time, 1 reply in 50 dropped.
 *
 * <pre>
 * java -cp target/test-classes io.vmflow.bench.GenerateIcmpCapture /tmp/bench/icmp-1g.pcap 1073741824
 * </pre>
 */
public final class GenerateIcmpCapture {

  private GenerateIcmpCapture() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long target = Long.parseLong(args[1]);
    Files.createDirectories(file.toAbsolutePath().getParent());
    long frames = 0;
    long requests = 0;
    long replies = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
      h.putInt(0xa1b2c3d4)
          .putShort((short) 2)
          .putShort((short) 4)
          .putInt(0)
          .putInt(0)
          .putInt(65535)
          .putInt(1);
      out.write(h.array());
      long written = 24;
      ByteBuffer rec = ByteBuffer.allocate(16 + 98).order(ByteOrder.LITTLE_ENDIAN);
      long t = 1_700_000_000_000_000L;
      for (long i = 0; written < target; i++) {
        int flow = (int) (i % 16);
        int seq = (int) ((i / 16) & 0xffff);
        t += 30;
        written += frame(out, rec, t, flow, seq, true);
        frames++;
        requests++;
        if ((i % 50) != 49) {
          written += frame(out, rec, t + 80, flow, seq, false);
          frames++;
          replies++;
        }
      }
    }
    System.out.printf(
        "%s: %d frames, %d requests, %d replies, %d bytes%n",
        file, frames, requests, replies, Files.size(file));
  }

  // the Internet checksum, so that tshark pairs replies as it would on a real capture
  private static short checksum(byte[] b, int off, int len) {
    long sum = 0;
    for (int i = 0; i < len; i += 2) {
      sum += ((b[off + i] & 0xff) << 8) | (i + 1 < len ? b[off + i + 1] & 0xff : 0);
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (short) ~sum;
  }

  private static int frame(
      OutputStream out, ByteBuffer rec, long micros, int flow, int seq, boolean request)
      throws IOException {
    rec.clear();
    rec.order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (micros / 1_000_000))
        .putInt((int) (micros % 1_000_000))
        .putInt(98)
        .putInt(98);
    rec.order(ByteOrder.BIG_ENDIAN);
    rec.put(new byte[] {(byte) 0xfa, 0x16, 0x3e, 0, 0, (byte) (request ? 2 : 1)})
        .put(new byte[] {(byte) 0xfa, 0x16, 0x3e, 0, 0, (byte) (request ? 1 : 2)});
    rec.putShort((short) 0x0800);
    rec.put((byte) 0x45)
        .put((byte) 0)
        .putShort((short) 84)
        .putShort((short) seq)
        .putShort((short) 0x4000)
        .put((byte) 64)
        .put((byte) 1)
        .putShort((short) 0);
    byte[] a = {10, 0, 0, (byte) (100 + flow)};
    byte[] b = {10, 0, 1, (byte) (100 + flow)};
    rec.put(request ? a : b).put(request ? b : a);
    int icmp = rec.position();
    rec.put((byte) (request ? 8 : 0))
        .put((byte) 0)
        .putShort((short) 0)
        .putShort((short) (1000 + flow))
        .putShort((short) seq);
    rec.put(new byte[56]);
    rec.putShort(icmp + 2, checksum(rec.array(), icmp, 64));
    rec.putShort(16 + 14 + 10, checksum(rec.array(), 16 + 14, 20));
    out.write(rec.array(), 0, 16 + 98);
    return 16 + 98;
  }
}
