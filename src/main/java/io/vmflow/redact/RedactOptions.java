package io.vmflow.redact;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What to redact and where to write.
 *
 * @param keywords words masked everywhere, as sos's {@code --keywords}
 * @param sosMap a {@code sos clean} mapping file to honour and extend
 * @param dropEvidence leave the evidence pages out and unlink them, instead of redacting them
 * @param mapOut where to write the map used; never inside the redacted copy
 */
public record RedactOptions(
    List<String> keywords, Optional<Path> sosMap, boolean dropEvidence, Optional<Path> mapOut) {

  public RedactOptions {
    keywords = List.copyOf(keywords);
  }

  /** The redacted copy of report folder {@code dir} by default: {@code DIR-redacted} beside it. */
  public static Path defaultOutput(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + "-redacted");
  }

  /** The map's default place: beside the redacted copy, {@code DIR-redacted.map.json}. */
  public static Path defaultMap(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + ".map.json");
  }
}
