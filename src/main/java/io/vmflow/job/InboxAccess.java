package io.vmflow.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether this machine can read a collection's files where the manager saw them: a worker on a host
 * that does not mount the inbox, or may not read it, says so instead of analysing nothing.
 */
final class InboxAccess {

  private InboxAccess() {}

  /** Why the paths cannot be read here, or empty when they can. */
  static Optional<String> problem(List<Path> paths) {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        return Optional.of(
            "cannot read the inbox path " + p + ": no such file or folder on this machine");
      }
      if (!Files.isReadable(p) || (Files.isDirectory(p) && !Files.isExecutable(p))) {
        return Optional.of("cannot read the inbox path " + p + ": permission denied");
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.findAny();
        } catch (IOException e) {
          return Optional.of("cannot read the inbox path " + p + ": " + e.getMessage());
        }
      }
    }
    return Optional.empty();
  }
}
