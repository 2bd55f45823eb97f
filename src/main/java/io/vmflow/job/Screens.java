package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.parse.SourceText;
import java.util.Optional;

/** Screens applied to every artifact before its parser runs. */
final class Screens {

  private Screens() {}

  static Optional<Finding> collectorNoise(SourceText source) {
    return Optional.empty();
  }
}
