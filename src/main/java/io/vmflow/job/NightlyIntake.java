package io.vmflow.job;

import io.vmflow.ingest.ManifestProbe;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which entries of a nightly inbox are collections ready to analyse: not hidden, not a transfer's
 * temporary file ({@code .part}, {@code .partial}, {@code .tmp} …), not vmflow's own output, and
 * complete: no file of it changed within the settle time. Loose files are grouped into collections
 * ({@link NightlyCollections}) only when none of them is still being copied, since which collection
 * a file belongs to is known only once it is whole. Each ready collection carries the size and
 * modification time of every file it holds, so a change during the analysis discards the result.
 */
final class NightlyIntake {

  // upload and copy tools' names for a file still being written
  private static final Pattern TEMPORARY =
      Pattern.compile(
          ".*(\\.(part|partial|tmp|temp|crdownload|filepart|download|uploading|swp)|~)$");

  /** A collection with its files' states ({@link #states}) when it was found complete. */
  record Ready(NightlyCollections.Collection collection, Map<String, String> states) {}

  /** An inbox entry left for the next run, and why. */
  record Waiting(String name, String why) {}

  /** Ready collections in order of collection time, and entries still settling. */
  record Intake(List<Ready> ready, List<Waiting> waiting) {}

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
    List<Ready> ready = new ArrayList<>();
    List<Waiting> waiting = new ArrayList<>();
    List<Path> loose = new ArrayList<>();
    for (Path p : candidates) {
      Instant newest = newest(p);
      boolean settled = !newest.isAfter(settledBefore);
      if (Files.isDirectory(p)) {
        if (settled) {
          NightlyCollections.Collection c = NightlyCollections.folder(p, folderTime(p));
          ready.add(new Ready(c, states(c.paths())));
        } else {
          waiting.add(new Waiting(p.getFileName().toString(), changedWhy(newest, now, settle)));
        }
      } else {
        loose.add(p);
      }
    }
    List<Path> settling = loose.stream().filter(p -> newest(p).isAfter(settledBefore)).toList();
    if (!settling.isEmpty()) {
      for (Path p : loose) {
        waiting.add(
            new Waiting(
                p.getFileName().toString(),
                settling.contains(p)
                    ? changedWhy(newest(p), now, settle)
                    : "waits with the other loose files: "
                        + settling.get(0).getFileName()
                        + " is still changing, and which collection a file belongs to is known only once it is whole"));
      }
    } else {
      List<NightlyCollections.Loose> probed = new ArrayList<>();
      for (Path p : loose) {
        probed.add(new NightlyCollections.Loose(p, ManifestProbe.probe(p), newest(p)));
      }
      for (NightlyCollections.Collection c : NightlyCollections.group(probed)) {
        ready.add(new Ready(c, states(c.paths())));
      }
    }
    ready.sort(
        Comparator.comparing((Ready r) -> r.collection().collectedAt().orElse(Instant.EPOCH))
            .thenComparing(r -> r.collection().name()));
    return new Intake(ready, waiting);
  }

  /** Size and modification time of every regular file under the paths, by path. */
  static Map<String, String> states(List<Path> roots) {
    Map<String, String> out = new TreeMap<>();
    for (Path root : roots) {
      visit(
          root,
          (file, attrs) -> {
            if (attrs.isRegularFile()) {
              out.put(file.toString(), attrs.size() + "@" + attrs.lastModifiedTime().toMillis());
            }
          });
    }
    return out;
  }

  private static String changedWhy(Instant newest, Instant now, Duration settle) {
    long ago = Math.max(0, Duration.between(newest, now).toSeconds());
    return "changed "
        + ago
        + " s ago (settle time "
        + settle.toSeconds()
        + " s): perhaps still being copied; analysed by a later run";
  }

  // the earliest collection time a manifest inside the folder states, else its newest entry's
  private static Optional<Instant> folderTime(Path dir) {
    List<Instant> times = new ArrayList<>();
    List<Instant> entries = new ArrayList<>();
    int[] probed = {0};
    visit(
        dir,
        (file, attrs) -> {
          // a folder of thousands of files (an unpacked sosreport) is not read twice for a time
          if (attrs.isRegularFile() && probed[0]++ < 200) {
            ManifestProbe.Probe p = ManifestProbe.probe(file);
            p.manifests().forEach(m -> m.collectedUtc().ifPresent(times::add));
            p.newestEntry().ifPresent(entries::add);
          }
        });
    return times.stream()
        .min(Instant::compareTo)
        .or(() -> entries.stream().max(Instant::compareTo));
  }

  // the newest modification time of a file, or of any file or folder under a folder
  private static Instant newest(Path p) {
    Instant[] max = {Instant.EPOCH};
    visit(
        p,
        (f, attrs) -> {
          Instant t = attrs.lastModifiedTime().toInstant();
          if (t.isAfter(max[0])) {
            max[0] = t;
          }
        });
    return max[0];
  }

  private interface Visitor {
    void visit(Path file, BasicFileAttributes attrs);
  }

  // every file and folder under root (root itself included), unreadable ones skipped
  private static void visit(Path root, Visitor v) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && OwnOutput.isOwnOutput(dir)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              v.visit(dir, attrs);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              v.visit(file, attrs);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
