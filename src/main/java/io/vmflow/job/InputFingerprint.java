package io.vmflow.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 over the inputs' content (folders: every regular file's relative path and content, in
 * name order). It identifies a bundle for the job repository, so a renamed copy is the same bundle.
 */
final class InputFingerprint {

  private InputFingerprint() {}

  static String sha256(List<Path> inputs) {
    MessageDigest md = digest();
    byte[] buf = new byte[1 << 16];
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> files = Files.walk(input)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            md.update(input.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            update(md, f, buf);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else if (Files.isRegularFile(input)) {
        update(md, input, buf);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, Path file, byte[] buf) {
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    } catch (IOException e) {
      // an unreadable file still changes the fingerprint; ingest reports it as a finding
      md.update(("unreadable:" + file).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
