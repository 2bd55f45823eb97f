package io.vmflow.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * vmflow could not write its own output (disk full, folder not writable). Never a finding against
 * the input: it ends the run, and the command says which file could not be written and why.
 */
public final class OutputFailure extends UncheckedIOException {

  private final Path target;

  public OutputFailure(Path target, IOException cause) {
    super("cannot write " + target + ": " + reason(cause), cause);
    this.target = target;
  }

  public Path target() {
    return target;
  }

  /** "no space left on device" for ENOSPC, else the exception's own words. */
  public static String reason(Throwable e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("No space left") || m.contains("Disk quota")) {
      return "no space left on device";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getClass().getSimpleName() + ": " + m;
  }

  /**
   * The output failure in {@code e}'s cause chain: an {@link OutputFailure}, or a full disk met by
   * a writer that is not vmflow's own (the database), reported as a failure to write {@code dir}.
   */
  public static java.util.Optional<OutputFailure> in(Throwable e, Path dir) {
    java.util.Optional<OutputFailure> own = in(e);
    if (own.isPresent()) {
      return own;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException io && reason(io).equals("no space left on device")) {
        return java.util.Optional.of(new OutputFailure(dir, io));
      }
    }
    return java.util.Optional.empty();
  }

  /** The first output failure in {@code e}'s cause chain, if any. */
  public static java.util.Optional<OutputFailure> in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutputFailure f) {
        return java.util.Optional.of(f);
      }
    }
    return java.util.Optional.empty();
  }
}
