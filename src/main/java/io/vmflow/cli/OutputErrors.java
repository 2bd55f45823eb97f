package io.vmflow.cli;

import io.vmflow.ingest.OutputFailure;
import java.nio.file.Path;
import java.util.Optional;

/** Recognises failures to write the output folder, so they read as such and not as bad input. */
final class OutputErrors {

  private OutputErrors() {}

  /** "cannot write X: no space left on device" when {@code e} is an output failure. */
  static Optional<String> describe(Throwable e, Path dir) {
    Optional<OutputFailure> f = OutputFailure.in(e);
    if (f.isPresent()) {
      return Optional.of(f.get().getMessage());
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
        return Optional.of("cannot write " + dir + ": no space left on device");
      }
      if (t instanceof java.nio.file.AccessDeniedException || m.contains("Read-only file system")) {
        return Optional.of("cannot write " + dir + ": " + OutputFailure.reason(t));
      }
    }
    return Optional.empty();
  }
}
