package io.vmflow.ingest;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the ingest stage: walks every input (folders, files, archives nested to any depth)
 * as streams and reports each artifact to a sink. Hostile input becomes findings and the walk goes
 * on; the work folder is the only place it writes.
 */
public final class Ingestor {

  private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

  private final IngestLimits limits;
  private final Path workDir;
  private final CaptureTap tap;
  // raw bytes read from the inputs walked so far, and the walk under way (for progress)
  private final java.util.concurrent.atomic.AtomicLong walked =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile InputWalk current;

  /**
   * @param workDir folder inside the output folder where entries are spooled by content hash; the
   *     only place ingest writes
   */
  public Ingestor(IngestLimits limits, Path workDir) {
    this(limits, workDir, CaptureTap.NONE);
  }

  /**
   * @param tap reads each capture as it is spooled (see {@link CaptureTap})
   */
  public Ingestor(IngestLimits limits, Path workDir, CaptureTap tap) {
    this.limits = limits;
    this.workDir = workDir;
    this.tap = tap;
  }

  /**
   * @throws OutputFailure when the work folder cannot be written: the output's fault, not the
   *     input's
   */
  public void ingest(List<Path> inputs, IngestSink sink) {
    Spool spool = new Spool(workDir);
    for (Path input : inputs) {
      InputWalk walk = new InputWalk(limits, spool, sink, tap, name(input));
      current = walk;
      if (Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS)) {
        walkFolder(input, walk);
      } else {
        walkFile(input, walk.rootName(), walk);
      }
      walk.finish();
      walked.addAndGet(walk.raw.get());
      current = null;
      log.info("ingested {}: {} entries, {} findings", input, walk.entries(), walk.findings());
    }
  }

  /** Bytes of the input files read so far (compressed bytes, as they lie on disk); any thread. */
  public long bytesRead() {
    InputWalk w = current;
    return walked.get() + (w == null ? 0 : w.raw.get());
  }

  /** Bytes of the input files as they lie on disk: the total {@link #bytesRead} reaches. */
  public static long inputBytes(List<Path> inputs) {
    long total = 0;
    for (Path input : inputs) {
      try (java.util.stream.Stream<Path> s = Files.walk(input)) {
        total +=
            s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .mapToLong(
                    p -> {
                      try {
                        return Files.size(p);
                      } catch (IOException e) {
                        return 0;
                      }
                    })
                .sum();
      } catch (IOException | java.io.UncheckedIOException e) {
        // an unreadable input is the walk's finding; the total is only for the progress bar
      }
    }
    return total;
  }

  private static void walkFolder(Path root, InputWalk walk) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && OwnOutput.isOwnOutput(dir)) {
                String origin = origin(root, dir, walk);
                walk.finding(
                    Finding.coverage(
                        Severity.INFO,
                        IngestCodes.OWN_OUTPUT,
                        "vmflow output folder inside the input, not read: " + origin,
                        origin));
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String origin = origin(root, file, walk);
              if (attrs.isSymbolicLink()) {
                walk.finding(
                    Severity.INFO,
                    IngestCodes.LINK_SKIPPED,
                    "symbolic link not followed: " + origin,
                    origin);
              } else if (!attrs.isRegularFile()) {
                walk.finding(
                    Severity.INFO,
                    IngestCodes.SPECIAL_FILE,
                    "not a regular file: " + origin,
                    origin);
              } else {
                walkFile(file, origin, walk);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              // an unreadable file or folder (sosreports collected as non-root): a finding
              String origin = origin(root, file, walk);
              walk.finding(
                  Severity.WARNING,
                  IngestCodes.UNREADABLE,
                  "cannot read " + origin + ": " + OutputFailure.reason(exc),
                  origin);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      walk.finding(
          Severity.ERROR,
          IngestCodes.UNREADABLE,
          "cannot walk " + root + ": " + e.getMessage(),
          root.toString());
    }
  }

  private static String origin(Path root, Path file, InputWalk walk) {
    String rel = root.relativize(file).toString().replace('\\', '/');
    return walk.rootName() + "/" + EntryLabels.label(rel);
  }

  private static void walkFile(Path file, String origin, InputWalk walk) {
    if (walk.isStopped()) {
      walk.unread(IngestCodes.TOO_LARGE, "a limit of the input was reached before", origin);
      return;
    }
    ZipLinks.mark(file, origin, walk);
    try (InputStream in = new CountingStream(Files.newInputStream(file), walk.raw)) {
      walk.stream(in, origin, 0);
    } catch (LimitExceeded e) {
      walk.stop();
      walk.finding(Severity.ERROR, e.code(), e.getMessage() + "; rest skipped", origin);
    } catch (IOException e) {
      walk.finding(
          Severity.WARNING,
          IngestCodes.UNREADABLE,
          "cannot read " + origin + ": " + e.getMessage(),
          origin);
    }
  }

  private static String name(Path input) {
    Path n = input.toAbsolutePath().normalize().getFileName();
    return n == null ? input.toString() : n.toString();
  }
}
