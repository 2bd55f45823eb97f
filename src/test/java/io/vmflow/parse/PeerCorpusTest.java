package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.ingest.KindSniffer;
import io.vmflow.model.MacAddress;
import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peers' own test inputs (insights-core's parser tests, hotsos's unit tests and its {@code
 * fake_data_root} trees; src/test/resources/peers, see SOURCE.md), each with the values the peer's
 * test asserts. One row per sample: the kind vmflow detects without being told (from the sample's
 * sos path where the peer keeps one, else from its content), and what vmflow's record holds. Where
 * vmflow deliberately reads a sample differently from the peer, the row's {@code differs} says how.
 */
class PeerCorpusTest {

  static final Path ROOT = Path.of("src/test/resources/peers");

  /**
   * @param file sample under {@link #ROOT}
   * @param path the path detection sees: the sample's own, or the one the peer's test gives it
   * @param check the peer's asserted values, in vmflow's terms
   * @param differs where vmflow deliberately differs from the peer, "" when it does not
   */
  record Row(String file, String path, Spec kind, Consumer<Parsed<?>> check, String differs) {
    @Override
    public String toString() {
      return file;
    }
  }

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.addAll(InsightsRows.rows());
    rows.addAll(HotsosRows.rows());
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void peerSampleIsDetectedAndHoldsThePeersValues(Row row) {
    List<String> lines = Fixtures.lines(ROOT.resolve(row.file()));
    Optional<BundleLayout.Match> byPath = BundleLayout.match(row.path());
    Optional<Spec> detected =
        byPath.map(BundleLayout.Match::spec).or(() -> KindSniffer.sniff(lines));
    assertThat(detected).as("kind detected without --kind").contains(row.kind());
    String subject = byPath.map(BundleLayout.Match::subject).orElse("");
    Parsed<?> parsed =
        ParserRegistry.parserFor(row.kind())
            .orElseThrow()
            .parse(new SourceText(row.kind(), row.file(), 1, subject, lines));
    row.check().accept(parsed);
  }

  @Test
  void everyCopiedSampleHasARow() throws IOException {
    List<String> covered = rows().stream().map(Row::file).toList();
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<String> samples =
          files
              .filter(Files::isRegularFile)
              .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !p.equals("SOURCE.md"))
              .toList();
      assertThat(covered).containsExactlyInAnyOrderElementsOf(samples);
    }
  }

  @Test
  void everySampleIsNamedInSourceMd() {
    String source = read(ROOT.resolve("SOURCE.md"));
    rows().forEach(r -> assertThat(source).as(r.file()).contains("- " + r.file() + " | "));
  }

  // ---- helpers shared by the row tables

  static Row row(String file, Spec kind, Consumer<Parsed<?>> check) {
    return new Row(file, file, kind, check, "");
  }

  static Row row(String file, Spec kind, Consumer<Parsed<?>> check, String differs) {
    return new Row(file, file, kind, check, differs);
  }

  static Row rowAt(String file, String path, Spec kind, Consumer<Parsed<?>> check, String differs) {
    return new Row(file, path, kind, check, differs);
  }

  /** A row whose detection sees the path the peer's test gives the sample. */
  static Row rowAt(String file, String path, Spec kind, Consumer<Parsed<?>> check) {
    return new Row(file, path, kind, check, "");
  }

  @SuppressWarnings("unchecked")
  static <T> T value(Parsed<?> p, Class<T> type) {
    assertThat(p.value()).as("parsed value").isPresent();
    return type.cast(p.value().get());
  }

  static List<String> codes(Parsed<?> p) {
    return p.findings().stream().map(Finding::code).toList();
  }

  static void clean(Parsed<?> p) {
    assertThat(p.findings()).as("findings").isEmpty();
  }

  static MacAddress mac(String s) {
    return MacAddress.parse(s).orElseThrow();
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
