package io.vmflow.job;

import io.vmflow.ingest.OutputFailure;
import io.vmflow.report.OutputFolder;
import io.vmflow.report.Report;
import io.vmflow.report.ReportWriter;
import io.vmflow.store.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * Writes a report beside the previous one and swaps them only once every file is written: a full
 * disk or a crash mid-render leaves the previous good report as it was, never a page cut mid-tag or
 * an index linking to missing pages. The swap is a rename per top-level file or folder, within the
 * output folder's file system. What the previous report wrote and this one does not (the page of a
 * VM no longer in the dump) goes with the previous report; anything else in the folder stays
 * ({@link OutputFolder}).
 */
final class StagedReport {

  private StagedReport() {}

  /** Readies the report writer's first render ahead of time ({@link ReportWriter#prepare}). */
  static void prepare() {
    ReportWriter.prepare(JsonCodec.mapper());
  }

  /**
   * Renders {@code report} into {@code dir} and returns the path of its entry page.
   *
   * @throws OutputFailure when any file cannot be written; {@code dir} is then left as it was
   */
  static Path write(Report report, Path dir, boolean singleFile) {
    Path vmflow = dir.resolve(".vmflow");
    Path staging = vmflow.resolve("render-new");
    Path previous = vmflow.resolve("render-old");
    try {
      delete(staging);
      delete(previous);
      Files.createDirectories(staging);
      ReportWriter writer = new ReportWriter(JsonCodec.mapper());
      Path index =
          singleFile ? writer.writeSingleFile(report, staging) : writer.write(report, staging);
      swap(staging, dir, previous);
      delete(previous);
      return dir.resolve(staging.relativize(index));
    } catch (IOException | RuntimeException e) {
      IOException io = ioCause(e);
      if (io == null) {
        throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
      }
      cleanUp(staging);
      throw new OutputFailure(dir, io);
    }
  }

  private static void swap(Path staging, Path dir, Path previous) throws IOException {
    Files.createDirectories(previous);
    List<Path> made;
    try (Stream<Path> s = Files.list(staging)) {
      made = s.toList();
    }
    java.util.Set<String> names = new java.util.TreeSet<>(OutputFolder.written(dir));
    made.forEach(p -> names.add(p.getFileName().toString()));
    for (String name : names) {
      Path target = dir.resolve(name);
      if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.move(target, previous.resolve(name));
      }
    }
    for (Path p : made) {
      Files.move(p, dir.resolve(p.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
    }
    Files.delete(staging);
    OutputFolder.record(dir, made.stream().map(p -> p.getFileName().toString()).toList());
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UncheckedIOException u) {
        return u.getCause();
      }
      if (t instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static void cleanUp(Path staging) {
    try {
      delete(staging);
    } catch (IOException ignored) {
      // the staging folder is vmflow's own and is cleared again before the next render
    }
  }

  private static void delete(Path p) throws IOException {
    FileSystemUtils.deleteRecursively(p);
  }
}
