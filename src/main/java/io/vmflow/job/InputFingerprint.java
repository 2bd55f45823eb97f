package io.vmflow.job;

import io.vmflow.ingest.OwnOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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
        for (Path f : files(input)) {
          md.update(input.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
          update(md, f, buf);
        }
      } else if (Files.isRegularFile(input)) {
        update(md, input, buf);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  // regular files in name order; unreadable folders and vmflow's own output folders are left out
  // (ingest reports the first and skips the second), so neither fails nor changes the fingerprint
  private static List<Path> files(Path root) {
    List<Path> out = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(root) && OwnOutput.isOwnOutput(dir)
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                out.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              out.add(file);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out;
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
