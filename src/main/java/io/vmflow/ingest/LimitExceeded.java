package io.vmflow.ingest;

import java.io.IOException;

/** Thrown by {@link BudgetedStream} when an archive goes over an {@link IngestLimits} bound. */
final class LimitExceeded extends IOException {
  private final String code;

  LimitExceeded(String code, String message) {
    super(message);
    this.code = code;
  }

  String code() {
    return code;
  }
}
