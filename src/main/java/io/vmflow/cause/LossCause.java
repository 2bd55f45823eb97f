package io.vmflow.cause;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * The causes found for one loss.
 *
 * @param sentence the loss finding's message
 * @param causes the findings that explain it, strongest first
 * @param missing when no cause was found: the evidence that would have been needed, "" otherwise
 */
public record LossCause(String vmId, String sentence, List<Ref> causes, String missing) {

  public LossCause {
    causes = List.copyOf(causes);
    missing = missing == null ? "" : missing;
  }

  /** A cause finding as a loss cites it. */
  public record Ref(String code, String severity, String message, List<Evidence> evidence) {
    public Ref {
      evidence = List.copyOf(evidence);
    }
  }
}
