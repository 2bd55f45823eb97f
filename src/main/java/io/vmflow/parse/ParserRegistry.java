package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from output kind to parser. A new format is one line here, one {@link Spec}
 * constant, one parser class, one fixtures folder and one test.
 */
public final class ParserRegistry {

  private static final Map<Spec, CommandParser<?>> PARSERS = Map.ofEntries();

  private ParserRegistry() {}

  public static Optional<CommandParser<?>> parserFor(Spec spec) {
    return Optional.ofNullable(PARSERS.get(spec));
  }

  public static Map<Spec, CommandParser<?>> all() {
    return PARSERS;
  }
}
