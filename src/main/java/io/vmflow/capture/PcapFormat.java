package io.vmflow.capture;

import java.io.IOException;

/** Classic pcap: a 24-byte global header, then 16-byte record headers, each followed by a frame. */
final class PcapFormat {

  private final CaptureReader.Frames f;
  private final boolean swapped;
  private final boolean nanos;

  PcapFormat(CaptureReader.Frames f, int magic) {
    this.f = f;
    this.swapped = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
    this.nanos = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
  }

  static boolean isMagic(int m) {
    return m == 0xa1b2c3d4 || m == 0xd4c3b2a1 || m == 0xa1b23c4d || m == 0x4d3cb2a1;
  }

  /**
   * Records are parsed in place from a large buffer; only a record cut by the buffer's end moves.
   */
  void read() throws IOException {
    byte[] rest = new byte[20];
    f.r.fill(rest, 20);
    int linkType = i32(rest, 16) & 0x0fffffff;
    String point = f.point("");
    byte[] buf = new byte[BUFFER];
    int pos = 0;
    int limit = 0;
    while (true) {
      if (limit - pos < 16) {
        limit = refill(buf, pos, limit);
        pos = 0;
        if (limit == 0) {
          return;
        }
        if (limit < 16) {
          throw new java.io.EOFException("record header cut after " + limit + " bytes");
        }
      }
      long sec = i32(buf, pos) & 0xffffffffL;
      long frac = i32(buf, pos + 4) & 0xffffffffL;
      int incl = i32(buf, pos + 8);
      if (incl < 0 || incl > CaptureReader.MAX_FRAME) {
        f.corrupt("record length " + (incl & 0xffffffffL));
        return;
      }
      if (limit - pos < 16 + incl) {
        limit = refill(buf, pos, limit);
        pos = 0;
        if (limit < 16 + incl) {
          throw new java.io.EOFException(
              "frame cut after " + Math.max(0, limit - 16) + " of " + incl + " bytes");
        }
      }
      f.frame(
          point,
          buf,
          pos + 16,
          incl,
          linkType,
          sec * 1_000_000_000L + (nanos ? frac : frac * 1000));
      pos += 16 + incl;
    }
  }

  private static final int BUFFER = 4 << 20;

  // moves the unread tail to the front and reads until the buffer is full or the stream ends
  private int refill(byte[] buf, int pos, int limit) throws IOException {
    int tail = limit - pos;
    System.arraycopy(buf, pos, buf, 0, tail);
    return tail + f.r.read(buf, tail, buf.length - tail);
  }

  private int i32(byte[] b, int o) {
    return swapped
        ? (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24
        : (b[o] & 0xff) << 24
            | (b[o + 1] & 0xff) << 16
            | (b[o + 2] & 0xff) << 8
            | (b[o + 3] & 0xff);
  }
}
