package io.vmflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ingest.ArtifactText;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParsedRecord;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@link FactStore} does with each kind of parsed record: written as JSON, read back as the
 * type the spec's parser declares, equal to what the parser made. Real outputs from each spec's
 * fixtures folder; no database.
 */
class ParsedRecordRoundTripTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  @ParameterizedTest
  @EnumSource(Spec.class)
  void everyFixtureRecordSurvivesTheStore(Spec spec) throws IOException {
    CommandParser<?> parser = ParserRegistry.parserFor(spec).orElseThrow();
    for (Path f : fixtures(spec)) {
      var parsed = parser.parse(new SourceText(spec, f.toString(), 1, "br-int", lines(f)));
      if (parsed.value().isEmpty()) {
        continue;
      }
      ParsedRecord record = parsed.value().get();
      ParsedRecord back = JsonCodec.read(JsonCodec.write(record), parser.type());
      assertThat(back).as("%s from %s", spec.id(), f.getFileName()).isEqualTo(record);
    }
  }

  @Test
  void everyParsedRecordKindIsSomeParsersType() {
    Set<Class<?>> types = new HashSet<>();
    ParserRegistry.all().values().forEach(p -> types.add(p.type()));
    assertThat(types).containsExactlyInAnyOrder(ParsedRecord.class.getPermittedSubclasses());
  }

  private static List<String> lines(Path f) throws IOException {
    return ArtifactText.lines(f);
  }

  private static List<Path> fixtures(Spec spec) throws IOException {
    Path folder = FIXTURES.resolve(spec.id());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> !p.getFileName().toString().equals("SOURCE.md")).sorted().toList();
    }
  }
}
