package io.vmflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed copies of entries inside the work folder: {@code entries/<sha256>}. Entries are
 * never written under their own (untrusted) names, and the same content is stored once.
 */
final class Spool {

  /** A spooled entry; {@code truncated} when the copy stopped at the size cap. */
  record Spooled(Path path, String sha256, long size, boolean truncated) {}

  private final Path dir;

  Spool(Path workDir) {
    Path d = workDir.resolve("entries");
    try {
      this.dir = Files.createDirectories(d);
    } catch (IOException e) {
      throw new OutputFailure(d, e);
    }
  }

  /**
   * Copies at most {@code maxBytes} of {@code in} (which the caller keeps and closes) into the
   * spool. A failure to read is an {@link IOException} (damaged input); a failure to write is an
   * {@link OutputFailure} (the output folder's fault, never the input's).
   */
  Spooled copy(InputStream in, long maxBytes) throws IOException {
    return copy(in, maxBytes, OutputStream.nullOutputStream());
  }

  /** As {@link #copy(InputStream, long)}, also copying the kept bytes to {@code also}. */
  Spooled copy(InputStream in, long maxBytes, OutputStream also) throws IOException {
    Path tmp = write(() -> Files.createTempFile(dir, "incoming-", ".part"), dir);
    MessageDigest md = sha256();
    Passed p;
    try (OutputStream out =
        new DigestOutputStream(write(() -> Files.newOutputStream(tmp), tmp), md)) {
      p = pass(in, maxBytes, out, also, tmp);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    String sha = HexFormat.of().formatHex(md.digest());
    Path target = dir.resolve(sha);
    if (Files.exists(target)) {
      Files.delete(tmp);
    } else {
      write(() -> Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE), target);
    }
    return new Spooled(target, sha, p.n(), p.truncated());
  }

  /**
   * As {@link #copy(InputStream, long, OutputStream)} without keeping a copy: the kept bytes are
   * digested and go only to {@code also}; the result names the path a copy would have had, where no
   * file is.
   */
  Spooled digest(InputStream in, long maxBytes, OutputStream also) throws IOException {
    MessageDigest md = sha256();
    Passed p =
        pass(in, maxBytes, new DigestOutputStream(OutputStream.nullOutputStream(), md), also, dir);
    String sha = HexFormat.of().formatHex(md.digest());
    return new Spooled(dir.resolve(sha), sha, p.n(), p.truncated());
  }

  private record Passed(long n, boolean truncated) {}

  private static Passed pass(
      InputStream in, long maxBytes, OutputStream out, OutputStream also, Path target)
      throws IOException {
    byte[] buf = new byte[1 << 16];
    long n = 0;
    int r;
    while ((r = in.read(buf)) > 0) {
      int keep = (int) Math.min(r, maxBytes - n);
      write(out, buf, keep, target);
      also.write(buf, 0, keep);
      n += keep;
      if (keep < r) {
        return new Passed(n, true);
      }
    }
    return new Passed(n, false);
  }

  private interface Io<T> {
    T run() throws IOException;
  }

  private static <T> T write(Io<T> io, Path target) {
    try {
      return io.run();
    } catch (IOException e) {
      throw new OutputFailure(target, e);
    }
  }

  private static void write(OutputStream out, byte[] buf, int n, Path target) {
    try {
      out.write(buf, 0, n);
    } catch (IOException e) {
      throw new OutputFailure(target, e);
    }
  }

  Spooled copy(byte[] bytes) throws IOException {
    return copy(new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
