package io.vmflow.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng: a section header (which sets the byte order), interface descriptions (link type, {@code
 * if_name}, {@code if_tsresol}), then packet blocks (enhanced, simple, obsolete) naming their
 * interface. Unknown blocks are skipped by their length.
 */
final class PcapngFormat {

  private static final int SHB = 0x0a0d0d0a;
  private static final int IDB = 1;
  private static final int OPB = 2;
  private static final int SPB = 3;
  private static final int EPB = 6;

  private record Interface(int linkType, String point, long unitsPerSecond) {}

  private final CaptureReader.Frames f;
  private final List<Interface> interfaces = new ArrayList<>();
  private boolean little;
  private byte[] block = new byte[65536];

  PcapngFormat(CaptureReader.Frames f) {
    this.f = f;
  }

  void read() throws IOException {
    section();
    byte[] head = new byte[8];
    while (f.r.fill(head, 8)) {
      int type = i32(head, 0);
      int len = i32(head, 4);
      if (type == SHB) {
        sectionRest(head);
        continue;
      }
      if (len < 12 || len % 4 != 0 || len > CaptureReader.MAX_FRAME + 64) {
        f.corrupt("block length " + (len & 0xffffffffL));
        return;
      }
      int body = len - 8;
      if (body > block.length) {
        block = new byte[body];
      }
      f.r.fill(block, body);
      switch (type) {
        case IDB -> idb(body - 4);
        case EPB ->
            packet(
                i32(block, 0),
                ((long) i32(block, 4) << 32) | (i32(block, 8) & 0xffffffffL),
                i32(block, 12),
                20);
        case OPB ->
            packet(
                u16(block, 0),
                ((long) i32(block, 4) << 32) | (i32(block, 8) & 0xffffffffL),
                i32(block, 12),
                20);
        case SPB -> packet(0, -1, Math.min(i32(block, 0), body - 8), 4);
        default -> {
          // name resolution, statistics, custom blocks carry no packets
        }
      }
    }
  }

  // the 4 bytes of the section header's type are already read
  private void section() throws IOException {
    byte[] b = new byte[8];
    f.r.fill(b, 8);
    little = (b[4] & 0xff) == 0x4d;
    int len = i32(b, 0);
    sectionBody(len);
  }

  // a new section: its byte-order magic follows the length, which must be re-read in that order
  private void sectionRest(byte[] head) throws IOException {
    byte[] bom = new byte[4];
    f.r.fill(bom, 4);
    little = (bom[0] & 0xff) == 0x4d;
    interfaces.clear();
    f.r.skip(Math.max(0, i32(head, 4) - 12));
  }

  private void sectionBody(int len) throws IOException {
    f.r.skip(Math.max(0, len - 12));
  }

  private void idb(int optionsEnd) {
    int linkType = u16(block, 0);
    int bad = -1;
    String name = "";
    long units = 1_000_000;
    int p = 8;
    while (p + 4 <= optionsEnd) {
      int code = u16(block, p);
      int olen = u16(block, p + 2);
      if (code == 0 || p + 4 + olen > optionsEnd) {
        break;
      }
      if (code == 2) {
        name = new String(block, p + 4, olen, StandardCharsets.UTF_8).replace("\0", "").trim();
      } else if (code == 9 && olen >= 1) {
        int v = block[p + 4] & 0xff;
        if (CaptureDrops.isPlausible(v)) {
          units = (v & 0x80) == 0 ? pow(10, v) : 1L << (v & 0x7f);
        } else {
          bad = v;
        }
      }
      p += 4 + ((olen + 3) & ~3);
    }
    String point = f.point(name);
    if (bad >= 0) {
      f.drops.implausibleResolution(point, bad);
    }
    interfaces.add(new Interface(linkType, point, units));
  }

  private void packet(int iface, long ts, int caplen, int dataOffset) {
    if (iface < 0 || iface >= interfaces.size()) {
      f.corrupt(
          "packet names interface " + iface + " but the section describes " + interfaces.size());
      return;
    }
    Interface i = interfaces.get(iface);
    int len = Math.max(0, Math.min(caplen, block.length - dataOffset));
    long nanos = ts < 0 ? 0 : toNanos(ts, i.unitsPerSecond());
    System.arraycopy(block, dataOffset, block, 0, len);
    f.frame(i.point(), block, len, i.linkType(), nanos);
  }

  private static long toNanos(long ts, long units) {
    if (units == 1_000_000_000L) {
      return ts;
    }
    if (1_000_000_000L % units == 0) {
      return ts * (1_000_000_000L / units);
    }
    return ts / units * 1_000_000_000L + (ts % units) * 1_000_000_000L / units;
  }

  private static long pow(int base, int exp) {
    long r = 1;
    for (int i = 0; i < Math.min(exp, 18); i++) {
      r *= base;
    }
    return r;
  }

  private int i32(byte[] b, int o) {
    return little
        ? (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24
        : (b[o] & 0xff) << 24
            | (b[o + 1] & 0xff) << 16
            | (b[o + 2] & 0xff) << 8
            | (b[o + 3] & 0xff);
  }

  private int u16(byte[] b, int o) {
    return little ? (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 : (b[o] & 0xff) << 8 | (b[o + 1] & 0xff);
  }
}
