package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written pings JSON is what Jackson's pretty printer writes, character for character. */
class PingsJsonTest {

  private static final JsonMapper JACKSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @Test
  void emptyListAndOneRowAsJackson() {
    assertSame(List.of());
    assertSame(List.of(row("tap1c65142e-2a", "10.0.0.1", "fe80::1", 7, 3L, 0.08)));
  }

  @Test
  void everyAsciiAndSomeOtherCharactersEscapedAsJackson() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      all.append(c);
    }
    all.append("é€\u2028\u2029\ud83d\ude00\ud800 /x");
    assertSame(List.of(row(all.toString(), "\"quoted\"", "back\\slash", 0, 0L, null)));
  }

  @Test
  void numbersAsJackson() {
    Random r = new Random(21);
    List<Map<String, Object>> rows = new ArrayList<>();
    double[] fixed = {0, 0.08, 1e-3, 1e-4, 35.08075, 1e7, 1.0e23, 2e-7, 123456789.123, 0.1 + 0.2};
    for (double d : fixed) {
      rows.add(row("p", "a", "b", Integer.MAX_VALUE, Long.MAX_VALUE, d));
    }
    for (int i = 0; i < 2000; i++) {
      double d =
          switch (i % 4) {
            case 0 -> r.nextDouble();
            case 1 -> r.nextLong() / 1e6;
            case 2 -> Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
            default -> r.nextInt(1_000_000_000) / 1e6;
          };
      if (Double.isFinite(d)) {
        rows.add(row("p", "a", "b", r.nextInt(), r.nextLong(), d));
      }
    }
    assertSame(rows);
  }

  private static Map<String, Object> row(
      String point, String src, String dst, int id, long count, Double ms) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("point", point);
    m.put("src", src);
    m.put("dst", dst);
    m.put("id", id);
    m.put("requests", count);
    m.put("rttMinMs", ms);
    m.put("rttAvgMs", ms == null ? null : ms / 3);
    return m;
  }

  private static void assertSame(List<Map<String, Object>> rows) {
    assertThat(PingsJson.write(rows)).isEqualTo(JACKSON.writeValueAsString(rows));
  }
}
