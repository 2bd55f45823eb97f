package io.vmflow.parse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vmflow.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer fuzz target over every registered parser: a real fixture mutated by the fuzzer
 * (truncation, byte flips, shuffled and huge lines) must never make a parser throw; bad input is a
 * finding. Runs the seeds in {@code src/test/resources/io/vmflow/parse/ParserFuzzTestInputs/} as a
 * regression test in {@code mvn verify}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class ParserFuzzTest {

  private static final List<Spec> SPECS = new ArrayList<>(ParserRegistry.all().keySet());

  @FuzzTest(maxDuration = "30s")
  void noParserThrows(FuzzedDataProvider data) {
    Spec spec = SPECS.get(data.consumeInt(0, SPECS.size() - 1));
    String subject = data.consumeString(20);
    List<String> lines = data.consumeRemainingAsString().lines().toList();
    CommandParser<?> parser = ParserRegistry.parserFor(spec).orElseThrow();
    Parsed<?> p = parser.parse(new SourceText(spec, "fuzz", 1, subject, lines));
    if (p == null || p.findings() == null) {
      throw new AssertionError("parser " + spec.id() + " returned null");
    }
  }
}
