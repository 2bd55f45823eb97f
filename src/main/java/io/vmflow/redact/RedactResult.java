package io.vmflow.redact;

import java.nio.file.Path;
import java.util.List;

/**
 * What a redaction wrote.
 *
 * @param files files written into {@code out}
 * @param values values the map masks
 * @param unmasked names found in the report but left as they are (too short or without a letter)
 */
public record RedactResult(Path out, Path map, int files, int values, List<String> unmasked) {

  public RedactResult {
    unmasked = List.copyOf(unmasked);
  }
}
