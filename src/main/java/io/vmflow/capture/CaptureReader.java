package io.vmflow.capture;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Entry point of the capture stage: streams one capture file (classic pcap in either byte order
 * with micro- or nanosecond timestamps, pcapng with several interfaces, either gzipped) once, with
 * memory bounded by the largest frame, and hands every echo to a sink. A truncated last record or a
 * garbage tail becomes a finding; everything before it is kept.
 */
public final class CaptureReader {

  static final String TRUNCATED = "CAPTURE_TRUNCATED";
  static final String CORRUPT = "CAPTURE_CORRUPT";
  public static final String NOT_A_CAPTURE = "CAPTURE_UNKNOWN_FORMAT";
  static final String POINT_UNKNOWN = "CAPTURE_POINT_UNKNOWN";
  static final String LINK_UNKNOWN = "CAPTURE_LINK_TYPE_UNKNOWN";

  /** Frames larger than this are garbage, not packets (jumbo frames and TSO stay far below). */
  static final int MAX_FRAME = 1 << 18;

  private CaptureReader() {}

  /**
   * Reads {@code file}; {@code origin} names it in findings and names the capture point when the
   * format does not.
   */
  public static CaptureSummary read(Path file, String origin, EchoSink sink) throws IOException {
    return read(file, origin, sink, ChunkPlan.auto());
  }

  /**
   * Reads {@code file} as {@link #read(Path, String, EchoSink)} does, a large classic pcap on the
   * threads {@code plan} gives; the sink sees the same calls in the same order either way, one at a
   * time.
   */
  public static CaptureSummary read(Path file, String origin, EchoSink sink, ChunkPlan plan)
      throws IOException {
    if (plan.threads() > 1 && Files.size(file) >= Math.max(24, plan.minFileBytes())) {
      java.util.Optional<PcapChunks> chunks = PcapChunks.open(file, plan);
      if (chunks.isPresent()) {
        return chunks.get().read(origin, sink);
      }
    }
    try (InputStream raw = Files.newInputStream(file)) {
      return read(raw, origin, sink);
    }
  }

  /** Reads {@code in}, which the caller owns and closes. */
  public static CaptureSummary read(InputStream in, String origin, EchoSink sink)
      throws IOException {
    BufferedInputStream buf = new BufferedInputStream(in, 1 << 20);
    buf.mark(4);
    byte[] magic = buf.readNBytes(4);
    buf.reset();
    String gz = "";
    InputStream data = buf;
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      data = new BufferedInputStream(new GZIPInputStream(buf, 1 << 16), 1 << 20);
      gz = "+gzip";
    }
    Frames frames = new Frames(new Reader(data), origin, sink);
    return frames.run(gz);
  }

  /** Low-level reads over the (possibly decompressed) stream. */
  static final class Reader {
    private final InputStream in;

    Reader(InputStream in) {
      this.in = in;
    }

    /**
     * Reads exactly {@code n} bytes; false at a clean end before any byte; EOFException mid-way.
     */
    boolean fill(byte[] b, int n) throws IOException {
      int got = in.readNBytes(b, 0, n);
      if (got == 0 && n > 0) {
        return false;
      }
      if (got < n) {
        throw new EOFException("ends after " + got + " of " + n + " bytes");
      }
      return true;
    }

    void skip(long n) throws IOException {
      in.skipNBytes(n);
    }

    /** Reads up to {@code n} bytes into {@code b} at {@code off}; fewer only at the end. */
    int read(byte[] b, int off, int n) throws IOException {
      return in.readNBytes(b, off, n);
    }
  }

  /** The per-file state: decoders, counters, findings. */
  static final class Frames {
    final Reader r;
    final String origin;
    final EchoSink sink;
    final FrameDecoder fast = new FrameDecoder();
    final FallbackDecoder slow = new FallbackDecoder();
    final List<Finding> findings = new ArrayList<>();
    final Set<String> points = new LinkedHashSet<>();
    final CaptureDrops drops = new CaptureDrops();
    long frames;
    long echoes;

    Frames(Reader r, String origin, EchoSink sink) {
      this.r = r;
      this.origin = origin;
      this.sink = sink;
    }

    CaptureSummary run(String gz) throws IOException {
      byte[] head = new byte[4];
      String format;
      try {
        if (!r.fill(head, 4)) {
          findings.add(Finding.input(Severity.WARNING, TRUNCATED, "empty capture", origin, 0));
          return summary("empty" + gz);
        }
        int m =
            (head[0] & 0xff) << 24
                | (head[1] & 0xff) << 16
                | (head[2] & 0xff) << 8
                | (head[3] & 0xff);
        if (m == 0x0a0d0d0a) {
          format = "pcapng" + gz;
          new PcapngFormat(this).read();
        } else if (PcapFormat.isMagic(m)) {
          format = "pcap" + gz;
          new PcapFormat(this, m).read();
        } else {
          findings.add(
              Finding.input(
                  Severity.WARNING, NOT_A_CAPTURE, "not a pcap or pcapng file", origin, 0));
          return summary("unknown");
        }
      } catch (EOFException e) {
        truncated(e);
        format = "truncated" + gz;
      } catch (java.util.zip.ZipException e) {
        findings.add(
            Finding.input(
                Severity.WARNING,
                TRUNCATED,
                "gzip stream damaged after frame " + frames + ": " + e.getMessage(),
                origin,
                0));
        format = "damaged" + gz;
      }
      return summary(format);
    }

    /** Runs {@code body}, a reader of {@code format}; a capture cut short becomes a finding. */
    CaptureSummary run(String format, IoBody body) throws IOException {
      try {
        body.read();
        return summary(format);
      } catch (EOFException e) {
        truncated(e);
        return summary("truncated");
      }
    }

    interface IoBody {
      void read() throws IOException;
    }

    private void truncated(EOFException e) {
      findings.add(
          Finding.input(
              Severity.WARNING,
              TRUNCATED,
              "capture ends inside frame "
                  + (frames + 1)
                  + " ("
                  + e.getMessage()
                  + "); the "
                  + frames
                  + " frames before it are kept",
              origin,
              0));
    }

    void corrupt(String why) {
      findings.add(
          Finding.input(
              Severity.WARNING,
              CORRUPT,
              "garbage after frame " + frames + ": " + why + "; the frames before it are kept",
              origin,
              0));
    }

    /** Decodes one frame seen at {@code point}. */
    void frame(String point, byte[] b, int len, int linkType, long nanos) {
      frame(point, b, 0, len, linkType, nanos);
    }

    /** Decodes the frame in {@code b[start..start+len)} seen at {@code point}. */
    void frame(String point, byte[] b, int start, int len, int linkType, long nanos) {
      frames++;
      drops.frame(point);
      sink.frame(point, nanos);
      if (FrameDecoder.knows(linkType)) {
        if (fast.decode(b, start, start + len, linkType)) {
          echoes++;
          sink.echo(
              point,
              fast.src(),
              fast.dst(),
              fast.request,
              fast.id,
              fast.seq,
              fast.vlan,
              fast.size,
              nanos);
        }
      } else if (slow.decode(java.util.Arrays.copyOfRange(b, start, start + len), len, linkType)) {
        echoes++;
        sink.echo(point, slow.src, slow.dst, slow.request, slow.id, slow.seq, -1, 0, nanos);
      } else if (!slow.sawIp) {
        drops.undecoded(linkType);
      }
    }

    String point(String ifName) {
      String p = ifName.isEmpty() ? CapturePoints.fromName(origin) : ifName;
      if (points.add(p) && p.equals(CapturePoints.UNKNOWN)) {
        findings.add(
            Finding.input(
                Severity.INFO,
                POINT_UNKNOWN,
                "neither the capture nor its file name names an interface",
                origin,
                0));
      }
      return p;
    }

    CaptureSummary summary(String format) {
      drops.addTo(findings, origin);
      return new CaptureSummary(format, frames, echoes, List.copyOf(points), findings);
    }
  }
}
