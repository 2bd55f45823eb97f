package io.vmflow.cli;

import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Optional;

/** Detects a file's output kind for {@code vmflow parse}, through ingest's sniffer. */
final class KindDetection {

  private KindDetection() {}

  static Optional<Spec> detect(List<String> lines) {
    return Optional.empty();
  }
}
