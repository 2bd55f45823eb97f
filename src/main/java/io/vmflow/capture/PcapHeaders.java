package io.vmflow.capture;

/**
 * The record headers of one classic pcap file, read in its byte order, and how to find where a
 * record starts from an arbitrary offset: a header is believable when its fractional second fits
 * the file's unit, its captured length fits the snapshot length and the original length, and its
 * time lies near the file's first record; a start is believable when {@value #CHAIN} such headers
 * follow each other (or the run ends exactly at the end of the file).
 *
 * <pre>
 * offset 0  ts_sec   4  ts_usec (or ts_nsec)   8  incl_len   12  orig_len   16  frame ...
 * </pre>
 */
final class PcapHeaders {

  static final int CHAIN = 4;
  private static final long DAY = 86_400;
  private static final long YEAR = 366 * DAY;
  // TSO/GRO and BIG TCP frames stay far below this original length
  private static final int MAX_ORIGINAL = 1 << 24;

  final boolean swapped;
  final boolean nanos;
  private final int snaplen;
  private final long firstSec;

  /**
   * From the start of the file: the global header's magic ({@code magic}, read big-endian) and
   * {@code head[0..len)}, the 24-byte global header and, when present, the first record header.
   */
  PcapHeaders(int magic, byte[] head, int len) {
    this.swapped = magic == 0xd4c3b2a1 || magic == 0x4d3cb2a1;
    this.nanos = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
    this.snaplen = i32(head, 16);
    this.firstSec = len >= 28 ? i32(head, 24) & 0xffffffffL : -1;
  }

  int i32(byte[] b, int o) {
    return swapped
        ? (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24
        : (b[o] & 0xff) << 24
            | (b[o + 1] & 0xff) << 16
            | (b[o + 2] & 0xff) << 8
            | (b[o + 3] & 0xff);
  }

  /** Nanoseconds since the epoch of the record whose header is at {@code b[o]}. */
  long nanos(byte[] b, int o) {
    long sec = i32(b, o) & 0xffffffffL;
    long frac = i32(b, o + 4) & 0xffffffffL;
    return sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
  }

  /**
   * The offset of the first believable record start in {@code b[from, to)}, or -1; {@code
   * b[0..len)} holds file bytes, and {@code atEof} says the file ends at {@code len}.
   */
  int resync(byte[] b, int from, int to, int len, boolean atEof) {
    for (int p = from; p < to; p++) {
      if (chain(b, p, len, atEof)) {
        return p;
      }
    }
    return -1;
  }

  private boolean chain(byte[] b, int p, int len, boolean atEof) {
    long prevSec = -1;
    for (int seen = 0; seen < CHAIN; seen++) {
      if (p + 16 > len) {
        // the run reached the end of the file exactly, or of the bytes at hand
        return atEof ? p == len && seen > 0 : seen >= 2;
      }
      int incl = believable(b, p, prevSec);
      if (incl < 0) {
        return false;
      }
      prevSec = i32(b, p) & 0xffffffffL;
      p += 16 + incl;
    }
    return true;
  }

  /** The captured length of the header at {@code b[o]} if it is believable, else -1. */
  int believable(byte[] b, int o, long prevSec) {
    long sec = i32(b, o) & 0xffffffffL;
    long frac = i32(b, o + 4) & 0xffffffffL;
    int incl = i32(b, o + 8);
    int orig = i32(b, o + 12);
    if (frac >= (nanos ? 1_000_000_000L : 1_000_000L)
        || incl < 0
        || incl > CaptureReader.MAX_FRAME
        || (snaplen > 0 && incl > snaplen)
        || orig < incl
        || orig > MAX_ORIGINAL) {
      return -1;
    }
    long ref = prevSec >= 0 ? prevSec : firstSec;
    long within = prevSec >= 0 ? DAY : YEAR;
    return ref < 0 || Math.abs(sec - ref) <= within ? incl : -1;
  }
}
