package io.vmflow.cli;

/** Exit statuses of every command, for nightly scripts and CI. */
final class ExitCodes {

  /** No finding at or above the {@code --fail-on} level. */
  static final int OK = 0;

  /** Findings at or above the {@code --fail-on} level. */
  static final int FINDINGS = 1;

  /** Usage error, unreadable input, or a failed run. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
