package io.vmflow.cli;

import io.vmflow.ingest.OutputKinds;
import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Detects a file's output kind for {@code vmflow parse} with ingest's own detection ({@link
 * OutputKinds}), so a file is read as the job would read it.
 */
final class KindDetection {

  private KindDetection() {}

  static Optional<Spec> detect(Path file, List<String> lines) {
    return OutputKinds.detect(path(file), lines);
  }

  /** The per-object subject a sos-style file name carries ({@code ovs-ofctl_show_br-int}). */
  static String subject(Path file) {
    return OutputKinds.subject(path(file));
  }

  private static String path(Path file) {
    return file.toString().replace('\\', '/');
  }
}
