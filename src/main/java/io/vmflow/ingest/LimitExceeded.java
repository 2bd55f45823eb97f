package io.vmflow.ingest;

import java.io.IOException;

/** Thrown by {@link BudgetedStream} when an archive goes over an {@link IngestLimits} bound. */
final class LimitExceeded extends IOException {
  private final String code;

  LimitExceeded(String code, String message) {
    super(message);
    this.code = code;
  }

  /**
   * True for limits of the whole input (total size, nested bomb, entry count): every level ends.
   */
  boolean isInputWide() {
    return code.equals(IngestCodes.TOO_LARGE)
        || code.equals(IngestCodes.BOMB_NESTED)
        || code.equals(IngestCodes.TOO_MANY_ENTRIES);
  }

  String code() {
    return code;
  }
}
