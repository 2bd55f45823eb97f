package io.vmflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * The hostile and unlucky inputs of issue 18, generated on demand (never committed): a nested zip
 * bomb, a flood of tiny files, a file of one endless line, and a good dump salted with hostile
 * entries. Shared by the tests and the benchmark.
 */
public final class HostileInputs {

  private HostileInputs() {}

  /** {@code levels} zips each holding the next, the innermost holding {@code mib} MiB of zeros. */
  public static void nestedZipBomb(Path out, int levels, int mib) throws IOException {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(inner)) {
      zip.setLevel(Deflater.BEST_COMPRESSION);
      zip.putArchiveEntry(new ZipArchiveEntry("zeros.txt"));
      byte[] chunk = new byte[1 << 20];
      for (int i = 0; i < mib; i++) {
        zip.write(chunk);
      }
      zip.closeArchiveEntry();
    }
    byte[] bytes = inner.toByteArray();
    for (int level = 1; level < levels; level++) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(b)) {
        zip.setLevel(Deflater.BEST_COMPRESSION);
        for (int copy = 0; copy < 4; copy++) {
          zip.putArchiveEntry(new ZipArchiveEntry("level" + level + "-" + copy + ".zip"));
          zip.write(bytes);
          zip.closeArchiveEntry();
        }
      }
      bytes = b.toByteArray();
    }
    Files.write(out, bytes);
  }

  /** A tar.gz of one good entry and {@code n} tiny files no parser wants. */
  public static void tinyFiles(Path out, int n, String goodName, String goodText)
      throws IOException {
    try (OutputStream file = Files.newOutputStream(out);
        TarArchiveOutputStream tar =
            new TarArchiveOutputStream(new GZIPOutputStream(file, 1 << 16))) {
      entry(tar, goodName, goodText.getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < n; i++) {
        entry(
            tar,
            String.format("files/%03d/f%06d.txt", i / 1000, i),
            ("tiny file " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** A plain file of {@code bytes} bytes in one line, named as an output vmflow reads. */
  public static void singleLine(Path out, long bytes) throws IOException {
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'x');
    try (OutputStream o = Files.newOutputStream(out)) {
      for (long done = 0; done < bytes; done += chunk.length) {
        o.write(chunk, 0, (int) Math.min(chunk.length, bytes - done));
      }
      o.write('\n');
    }
  }

  /**
   * A tar.gz holding {@code transcript} (a good terminal session) and every hostile entry kind:
   * long names (PAX 5 000 characters, a zip entry of 60 000), control characters, a zip symlink,
   * and an output with a byte that is not UTF-8.
   */
  public static void hostileDump(Path out, Path transcript) throws IOException {
    byte[] good = Files.readAllBytes(transcript);
    // an ovs-vsctl show with one byte that is not UTF-8 in a port name
    byte[] badTable =
        "    Bridge br-int\n        Port \"qvoXX\"\n            Interface \"qvoXX\"\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    badTable[33] = (byte) 0xff;
    ByteArrayOutputStream zipBytes = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(zipBytes)) {
      zip.putArchiveEntry(new ZipArchiveEntry("z".repeat(60_000) + "/notes.txt"));
      zip.write("zip entry with a 60 000 character name\n".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
      ZipArchiveEntry link = new ZipArchiveEntry("etc/passwd-link");
      link.setUnixMode(0120777);
      zip.putArchiveEntry(link);
      zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
      zip.closeArchiveEntry();
    }
    try (OutputStream file = Files.newOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      entry(tar, "dump/" + "p".repeat(5000) + "/notes.txt", "long PAX name\n".getBytes());
      entry(tar, "dump/\u001b[2J\u001b[31mred\u0007.txt", "control characters\n".getBytes());
      entry(tar, "dump/terminal-session.txt", good);
      entry(tar, "dump/names.zip", zipBytes.toByteArray());
      entry(tar, "dump/sosreport-h1/sos_commands/openvswitch/ovs-vsctl_-t_5_show", badTable);
    }
  }

  private static void entry(TarArchiveOutputStream tar, String name, byte[] data)
      throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
