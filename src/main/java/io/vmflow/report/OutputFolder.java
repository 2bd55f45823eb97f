package io.vmflow.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The rule for folders vmflow writes into: a folder is vmflow's when it holds a {@code .vmflow}
 * folder (every analyze or nightly run creates one first) or a {@code .vmflow-written} file (a
 * redacted copy, which never holds {@code .vmflow}). {@code .vmflow/written}, else {@code
 * .vmflow-written}, lists what the last run put there, one path per line relative to the folder. A
 * re-run clears only those paths; a non-empty folder that is not vmflow's is refused, so nothing
 * vmflow did not write is ever deleted.
 */
public final class OutputFolder {

  /** vmflow's own folder inside an output folder. */
  public static final String OWN = ".vmflow";

  private static final String RECORD = "written";
  private static final String TOP_RECORD = ".vmflow-written";

  private OutputFolder() {}

  /**
   * Why vmflow must not write into {@code dir}, or empty when it may: {@code dir} is absent, empty,
   * or vmflow's.
   */
  public static Optional<String> refusal(Path dir) {
    if (!Files.isDirectory(dir)
        || Files.isDirectory(dir.resolve(OWN))
        || Files.isRegularFile(dir.resolve(TOP_RECORD))) {
      return Optional.empty();
    }
    List<String> names;
    try (Stream<Path> s = Files.list(dir)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      return Optional.empty(); // the write that follows reports what is wrong with the folder
    }
    if (names.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "output folder "
            + dir
            + " is not empty and vmflow did not write it (it holds "
            + (names.size() > 3
                ? String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more"
                : String.join(", ", names))
            + "); nothing was changed: choose an empty or new folder");
  }

  /** The paths the last run recorded in {@code dir}; empty when it recorded none. */
  public static Set<String> written(Path dir) throws IOException {
    Path record = record(dir);
    if (!Files.isRegularFile(record)) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
      // only plain relative paths inside the folder: the record never steers a delete elsewhere
      Path p = Path.of(line).normalize();
      if (!line.isBlank()
          && !p.isAbsolute()
          && !p.startsWith("..")
          && !p.startsWith(OWN)
          && !p.toString().equals(TOP_RECORD)) {
        out.add(p.toString());
      }
    }
    return out;
  }

  /** Records {@code paths} (relative to {@code dir}) as what this run wrote in it. */
  public static void record(Path dir, Collection<String> paths) throws IOException {
    Path record = record(dir);
    Path tmp = record.resolveSibling(record.getFileName() + ".tmp");
    Files.write(tmp, new TreeSet<>(paths), StandardCharsets.UTF_8);
    Files.move(
        tmp,
        record,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  // inside .vmflow where the folder has one (analyze, nightly), else a file of its own (redact)
  private static Path record(Path dir) {
    return Files.isDirectory(dir.resolve(OWN))
        ? dir.resolve(OWN).resolve(RECORD)
        : dir.resolve(TOP_RECORD);
  }
}
