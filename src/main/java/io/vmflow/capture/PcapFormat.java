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

  void read() throws IOException {
    byte[] rest = new byte[20];
    f.r.fill(rest, 20);
    int linkType = i32(rest, 16) & 0x0fffffff;
    String point = f.point("");
    byte[] hdr = new byte[16];
    byte[] frame = new byte[65536];
    while (f.r.fill(hdr, 16)) {
      long sec = i32(hdr, 0) & 0xffffffffL;
      long frac = i32(hdr, 4) & 0xffffffffL;
      int incl = i32(hdr, 8);
      if (incl < 0 || incl > CaptureReader.MAX_FRAME) {
        f.corrupt("record length " + (incl & 0xffffffffL));
        return;
      }
      if (incl > frame.length) {
        frame = new byte[incl];
      }
      f.r.fill(frame, incl);
      f.frame(point, frame, incl, linkType, sec * 1_000_000_000L + (nanos ? frac : frac * 1000));
    }
  }

  private int i32(byte[] b, int o) {
    return swapped
        ? (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24
        : (b[o] & 0xff) << 24 | (b[o + 1] & 0xff) << 16 | (b[o + 2] & 0xff) << 8 | (b[o + 3] & 0xff);
  }
}
