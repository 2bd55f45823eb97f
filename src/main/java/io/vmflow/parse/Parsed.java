package io.vmflow.parse;

import io.vmflow.finding.Finding;
import java.util.List;
import java.util.Optional;

/**
 * What a parser returns: the record (empty when the artifact is unusable) and the findings met on
 * the way.
 */
public record Parsed<T>(Optional<T> value, List<Finding> findings) {

  public Parsed {
    value = value == null ? Optional.empty() : value;
    findings = List.copyOf(findings);
  }

  public static <T> Parsed<T> of(T value, List<Finding> findings) {
    return new Parsed<>(Optional.of(value), findings);
  }

  public static <T> Parsed<T> failed(Finding finding) {
    return new Parsed<>(Optional.empty(), List.of(finding));
  }
}
