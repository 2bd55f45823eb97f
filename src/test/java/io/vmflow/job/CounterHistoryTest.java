package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.store.HistoryStore.VmFindingRow;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A counter read once per night: its growth since the previous night's reading. */
class CounterHistoryTest {

  static final String KEY = "INTERFACE_DROPS|tap9e8d7c6b-5a on compute-a: tx_dropped";
  static final Optional<Instant> NIGHT1 = Optional.of(Instant.parse("2026-12-01T02:00:00Z"));
  static final Optional<Instant> NIGHT2 = Optional.of(Instant.parse("2026-12-02T02:00:00Z"));

  static Map<String, VmFindingRow> once(long value) {
    return Map.of(
        KEY,
        new VmFindingRow(
            "vm2",
            KEY,
            "INTERFACE_DROPS",
            "INFO",
            "tap9e8d7c6b-5a on compute-a: tx_dropped "
                + value
                + " since boot (ip -s link, one reading: when they grew is unknown)"));
  }

  @Test
  void aReadingThatGrewSinceThePreviousNightIsAWarningOverTheInterval() {
    Map<String, VmFindingRow> now = CounterHistory.across(once(40), NIGHT1, once(65), NIGHT2);
    assertThat(now.values())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).isEqualTo(KEY + " rose by");
              assertThat(r.severity()).isEqualTo("WARNING");
              assertThat(r.message())
                  .isEqualTo(
                      "tap9e8d7c6b-5a on compute-a: tx_dropped rose by 25 since the previous"
                          + " reading over 24.0 h (40 → 65; ip -s link, one reading per"
                          + " collection)");
            });
  }

  @Test
  void aReadingThatDidNotGrowSaysNothingAndOneThatWentDownStaysSinceBoot() {
    assertThat(CounterHistory.across(once(65), NIGHT1, once(65), NIGHT2)).isEmpty();
    assertThat(CounterHistory.across(once(65), NIGHT1, once(3), NIGHT2)).isEqualTo(once(3));
  }

  @Test
  void theFirstReadingAndOtherFindingsAreKeptAsRecorded() {
    assertThat(CounterHistory.across(Map.of(), NIGHT1, once(40), NIGHT2)).isEqualTo(once(40));
    VmFindingRow other = new VmFindingRow("vm2", "PORT_DOWN|x", "PORT_DOWN", "ERROR", "x");
    assertThat(
            CounterHistory.across(
                Map.of("PORT_DOWN|x", other), NIGHT1, Map.of("PORT_DOWN|x", other), NIGHT2))
        .containsOnlyKeys("PORT_DOWN|x");
  }
}
