package io.vmflow.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.ingest.KindSniffer;
import io.vmflow.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Old novaclient (and prettytable's default) print every cell centred, padded on both sides:
 *
 * <pre>
 * |               Property              |                Value                 |
 * |          OS-DCF:diskConfig          |                MANUAL                |
 * </pre>
 *
 * Every real table fixture, re-printed with its cells centred in the same widths, is detected as
 * the same kind and parses to the same records and findings as the left-aligned original.
 */
class CentredTablesTest {

  static List<Path> tables() {
    return Fixtures.all("openstack_cli", ".*\\.txt").stream()
        .filter(p -> Fixtures.lines(p).stream().anyMatch(l -> l.trim().startsWith("+--")))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tables")
  void centredCellsReadLikeLeftAlignedOnes(Path file) {
    List<String> plain = Fixtures.lines(file);
    List<String> centred = plain.stream().map(CentredTablesTest::centre).toList();
    assertThat(centred).isNotEqualTo(plain);
    Optional<Spec> kind = KindSniffer.sniff(plain);
    assertThat(KindSniffer.sniff(centred)).isEqualTo(kind);
    if (kind.isEmpty()) {
      return;
    }
    CommandParser<?> parser = ParserRegistry.parserFor(kind.get()).orElseThrow();
    Parsed<?> a = parser.parse(new SourceText(kind.get(), "t", 1, "", plain));
    Parsed<?> b = parser.parse(new SourceText(kind.get(), "t", 1, "", centred));
    assertThat(b).isEqualTo(a);
  }

  @ParameterizedTest
  @MethodSource("tables")
  void centringKeepsEveryCellsWidth(Path file) {
    for (String l : Fixtures.lines(file)) {
      assertThat(centre(l)).hasSameSizeAs(l);
    }
  }

  /** The line with each {@code | cell |} centred in its own width, as prettytable centres it. */
  static String centre(String line) {
    String t = line.stripTrailing();
    if (!t.trim().startsWith("|") || !t.endsWith("|")) {
      return line;
    }
    int start = t.indexOf('|');
    String[] cells = t.substring(start + 1, t.length() - 1).split("\\|", -1);
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      String v = c.trim();
      int room = c.length() - v.length();
      int left = room / 2;
      out.add(" ".repeat(left) + v + " ".repeat(room - left));
    }
    return t.substring(0, start + 1) + String.join("|", out) + "|" + line.substring(t.length());
  }
}
