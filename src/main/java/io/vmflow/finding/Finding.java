package io.vmflow.finding;

import java.util.Objects;

/**
 * One thing vmflow wants an operator to know, with the evidence it rests on.
 *
 * @param code stable UPPER_SNAKE identifier; tests and templates key on it, never on the message
 * @param origin chain of origin of the evidence ({@code bundle.tgz!/sos_commands/...}), or "" when
 *     the finding is about the run as a whole
 * @param line 1-based line in {@code origin}, 0 when the finding is about a whole artifact
 */
public record Finding(
    Severity severity, Category category, String code, String message, String origin, int line) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
    origin = origin == null ? "" : origin;
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0: " + line);
    }
  }

  public static Finding input(
      Severity severity, String code, String message, String origin, int line) {
    return new Finding(severity, Category.INPUT, code, message, origin, line);
  }

  public static Finding coverage(Severity severity, String code, String message, String origin) {
    return new Finding(severity, Category.COVERAGE, code, message, origin, 0);
  }

  public static Finding network(
      Severity severity, String code, String message, String origin, int line) {
    return new Finding(severity, Category.NETWORK, code, message, origin, line);
  }
}
