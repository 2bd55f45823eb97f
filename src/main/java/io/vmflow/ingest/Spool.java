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

  Spool(Path workDir) throws IOException {
    this.dir = Files.createDirectories(workDir.resolve("entries"));
  }

  /**
   * Copies at most {@code maxBytes} of {@code in} (which the caller keeps and closes) into the
   * spool.
   */
  Spooled copy(InputStream in, long maxBytes) throws IOException {
    Path tmp = Files.createTempFile(dir, "incoming-", ".part");
    MessageDigest md = sha256();
    long n = 0;
    boolean truncated = false;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        if (n + r > maxBytes) {
          out.write(buf, 0, (int) (maxBytes - n));
          n = maxBytes;
          truncated = true;
          break;
        }
        out.write(buf, 0, r);
        n += r;
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    String sha = HexFormat.of().formatHex(md.digest());
    Path target = dir.resolve(sha);
    if (Files.exists(target)) {
      Files.delete(tmp);
    } else {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }
    return new Spooled(target, sha, n, truncated);
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
