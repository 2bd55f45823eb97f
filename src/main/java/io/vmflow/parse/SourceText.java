package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Objects;

/**
 * The text of one command output, as a parser sees it: collector noise already screened out.
 *
 * @param origin chain of origin ({@code incident.tgz!/sosreport-c7/sos_commands/...}); findings
 *     cite it
 * @param firstLine 1-based line number of {@code lines.get(0)} within {@code origin}; a command cut
 *     out of a terminal transcript starts deep inside its file
 * @param subject the object of a per-object command ({@code br-int} for {@code ovs-ofctl show
 *     br-int}), or "" when there is none or it is unknown
 */
public record SourceText(
    Spec spec, String origin, int firstLine, String subject, List<String> lines) {

  public SourceText {
    Objects.requireNonNull(spec, "spec");
    origin = origin == null ? "" : origin;
    subject = subject == null ? "" : subject;
    lines = List.copyOf(lines);
    if (firstLine < 1) {
      throw new IllegalArgumentException("firstLine must be >= 1: " + firstLine);
    }
  }

  public SourceText(Spec spec, String origin, List<String> lines) {
    this(spec, origin, 1, "", lines);
  }

  /** Line number in {@code origin} of {@code lines.get(index)}. */
  public int lineNo(int index) {
    return firstLine + index;
  }
}
