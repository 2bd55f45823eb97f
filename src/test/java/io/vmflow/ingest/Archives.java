package io.vmflow.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds archives byte by byte with real writers, hostile ones included. */
final class Archives {

  private Archives() {}

  /** A tar builder; entries are added in order. */
  static final class Tar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    Tar() {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    Tar file(String name, String text) throws IOException {
      return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Tar file(String name, byte[] data) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name, true);
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
      return this;
    }

    Tar link(String name, String target, byte type) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name, type, true);
      e.setLinkName(target);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    Tar fifo(String name) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO, true);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
      return this;
    }

    byte[] bytes() throws IOException {
      tar.finish();
      return bytes.toByteArray();
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** Deflate at maximum compression, as bomb makers do: zeros shrink about 1000 times. */
  static byte[] gzipBest(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
          }
        }) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] xz(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream x = new XZCompressorOutputStream(out)) {
      x.write(data);
    }
    return out.toByteArray();
  }

  static byte[] zip(String[] names, String[] texts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      for (int i = 0; i < names.length; i++) {
        zip.putArchiveEntry(new ZipArchiveEntry(names[i]));
        zip.write(texts[i].getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  /**
   * A .tar.gz whose one entry expands to {@code gib} GiB of zeros, built from concatenated gzip
   * members (one per MiB) so the test writes a few megabytes, not gigabytes.
   */
  static void zeroBomb(OutputStream out, int gib) throws IOException {
    long size = (long) gib << 30;
    TarArchiveEntry e =
        new TarArchiveEntry("sosreport-x/sos_commands/openvswitch/ovs-vsctl_-t_5_show", true);
    e.setSize(size);
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    TarArchiveOutputStream tar = new TarArchiveOutputStream(header, 512);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.putArchiveEntry(e);
    tar.flush();
    out.write(gzip(header.toByteArray()));
    byte[] mib = gzipBest(new byte[1 << 20]);
    for (long i = 0; i < size >> 20; i++) {
      out.write(mib);
    }
  }
}
