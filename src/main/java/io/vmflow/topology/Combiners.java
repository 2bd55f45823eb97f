package io.vmflow.topology;

import io.vmflow.parse.ParsedRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Joins facts into an index by the kind of record they carry, as insights-core's named combiners
 * do: one small method per record type, registered here, instead of an {@code instanceof} ladder. A
 * fact whose record type has no combiner is left out.
 *
 * @param <S> the index facts are joined into ({@link HostFacts}, {@link ControllerFacts})
 */
final class Combiners<S> {

  /** Joins one fact whose record is an {@code R} into {@code into}. */
  @FunctionalInterface
  interface Combiner<S, R extends ParsedRecord> {
    void join(S into, R record, Fact fact);
  }

  private final Map<Class<? extends ParsedRecord>, Combiner<S, ParsedRecord>> byType =
      new LinkedHashMap<>();

  /** Registers the combiner of record type {@code type}; one per type. */
  <R extends ParsedRecord> Combiners<S> on(Class<R> type, Combiner<S, R> combiner) {
    Combiner<S, ParsedRecord> erased =
        (into, record, fact) -> combiner.join(into, type.cast(record), fact);
    if (byType.putIfAbsent(type, erased) != null) {
      throw new IllegalStateException("two combiners for " + type.getSimpleName());
    }
    return this;
  }

  /** Joins {@code fact} into {@code into} if a combiner takes its record type. */
  void join(S into, Fact fact) {
    Combiner<S, ParsedRecord> c = byType.get(fact.value().getClass());
    if (c != null) {
      c.join(into, fact.value(), fact);
    }
  }

  /** The record types these combiners join. */
  Set<Class<? extends ParsedRecord>> types() {
    return Set.copyOf(byType.keySet());
  }
}
