package io.vmflow.job;

import io.vmflow.ingest.OwnOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which entries of a nightly inbox are bundles ready to analyse: not hidden, not a transfer's
 * temporary file ({@code .part}, {@code .crdownload}, {@code .tmp} …), not vmflow's own output, and
 * unchanged for the settle time (the newest modification of any file in it is older than that), so
 * a bundle still being copied waits for the next run instead of being recorded half-copied.
 */
final class NightlyIntake {

  // upload and copy tools' names for a file still being written
  private static final Pattern TEMPORARY =
      Pattern.compile(
          ".*(\\.(part|partial|tmp|temp|crdownload|filepart|download|uploading|swp)|~)$");

  /** Inbox entries, in name order, split into those ready and those still settling. */
  record Intake(List<Path> ready, List<Path> settling) {}

  private NightlyIntake() {}

  static Intake scan(Path inbox, Path out, Duration settle, Instant now) throws IOException {
    List<Path> candidates;
    try (Stream<Path> s = Files.list(inbox)) {
      candidates =
          s.filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(
                  p ->
                      !TEMPORARY
                          .matcher(p.getFileName().toString().toLowerCase(Locale.ROOT))
                          .matches())
              .filter(p -> !p.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize()))
              .filter(p -> !(Files.isDirectory(p) && OwnOutput.isOwnOutput(p)))
              .sorted(Comparator.comparing(Path::toString))
              .toList();
    }
    Instant settledBefore = now.minus(settle);
    List<Path> ready = candidates.stream().filter(p -> !newest(p).isAfter(settledBefore)).toList();
    List<Path> settling = candidates.stream().filter(p -> !ready.contains(p)).toList();
    return new Intake(ready, settling);
  }

  // the newest modification time of a file, or of any file or folder under a folder
  private static Instant newest(Path p) {
    Instant[] max = {Instant.EPOCH};
    try {
      Files.walkFileTree(
          p,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              note(attrs);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              note(attrs);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }

            private void note(BasicFileAttributes attrs) {
              Instant t = attrs.lastModifiedTime().toInstant();
              if (t.isAfter(max[0])) {
                max[0] = t;
              }
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return max[0];
  }
}
