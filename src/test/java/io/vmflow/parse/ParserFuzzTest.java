package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Jazzer fuzz target over every registered parser: a real fixture mutated by the fuzzer
 * (truncation, byte flips, shuffled and huge lines) must never make a parser throw; bad input is a
 * finding. Runs the seeds in {@code src/test/resources/io/vmflow/parse/ParserFuzzTestInputs/} as a
 * regression test in {@code mvn verify}; {@code JAZZER_FUZZ=1} fuzzes for real. The seed's last
 * byte picks the parser (index into {@link #SPECS}, in {@link Spec} order).
 *
 * <p>{@link #mutatedFixturesNeverThrow} runs the same mutations deterministically for every
 * registered parser, so a parser added later is covered without a new seed.
 */
class ParserFuzzTest {

  static final List<Spec> SPECS = ParserRegistry.all().keySet().stream().sorted().toList();

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

  @org.junit.jupiter.api.Test
  void everySpecHasAParser() {
    assertThat(SPECS).containsExactly(Spec.values());
  }

  static Stream<Spec> specs() {
    return SPECS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specs")
  void mutatedFixturesNeverThrow(Spec spec) {
    CommandParser<?> parser = ParserRegistry.parserFor(spec).orElseThrow();
    Random random = new Random(spec.ordinal());
    for (Path file : fixturesFor(spec, random)) {
      byte[] bytes = read(file);
      for (int round = 0; round < 6; round++) {
        List<String> lines = mutate(bytes, round, random);
        Parsed<?> p = parser.parse(new SourceText(spec, file.toString(), 1, "br-int", lines));
        assertThat(p).as("%s on %s, round %d", spec.id(), file, round).isNotNull();
        for (Finding f : p.findings()) {
          assertThat(f.line())
              .as("finding line of %s on %s, round %d", spec.id(), file, round)
              .isBetween(1, Math.max(1, lines.size()));
        }
      }
    }
  }

  /**
   * Round 0 truncates, 1 flips bytes, 2 shuffles lines, 3 adds a huge line, 4 CRLF and tabs, 5
   * Latin-1 decoding.
   */
  private static List<String> mutate(byte[] in, int round, Random random) {
    byte[] b = in.clone();
    switch (round) {
      case 0 -> b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
      case 1 -> {
        for (int i = 0; i < Math.max(1, b.length / 50); i++) {
          if (b.length > 0) {
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
          }
        }
      }
      default -> {}
    }
    String text = new String(b, round == 5 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(text.lines().toList());
    switch (round) {
      case 2 -> Collections.shuffle(lines, random);
      case 3 ->
          lines.add(
              lines.isEmpty() ? 0 : random.nextInt(lines.size()),
              "| " + "x".repeat(200_000) + " | 10.0.0.1 master qbr1 ");
      case 4 -> lines.replaceAll(l -> l.replace("  ", "\t") + "\r");
      default -> {}
    }
    return lines;
  }

  /**
   * Up to 12 of the spec's own fixtures (else of the openstack CLI outputs), plus 4 of other kinds.
   */
  private static List<Path> fixturesFor(Spec spec, Random random) {
    Path own = Fixtures.ROOT.resolve(spec.id());
    List<Path> out =
        new ArrayList<>(
            Files.isDirectory(own)
                ? Fixtures.all(spec.id(), ".*\\.(txt|out|xml)")
                : Fixtures.all("openstack_cli", ".*\\.(txt|xml)"));
    Collections.shuffle(out, random);
    out = new ArrayList<>(out.subList(0, Math.min(12, out.size())));
    List<Path> others = new ArrayList<>(Fixtures.all("ip_link", ".*\\.txt"));
    others.addAll(Fixtures.all("ovs_vsctl_show", ".*\\.txt"));
    Collections.shuffle(others, random);
    out.addAll(others.subList(0, Math.min(4, others.size())));
    return out;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
