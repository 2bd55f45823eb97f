package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress text on a terminal: the bar with rate and ETA, and a line per ended step. */
class ProgressLineTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void theBarShowsShareBytesRateAndEta() {
    String bar = ProgressLine.bar("ingestStep", 12 * MIB, 48 * MIB, 3000);

    assertThat(bar)
        .startsWith("ingest     [######------------------]  25%")
        .contains("12.0 MiB / 48.0 MiB")
        .contains("4.0 MiB/s")
        .endsWith("ETA 0:09");
  }

  @Test
  void withoutATotalTheBarShowsBytesAndRateOnly() {
    assertThat(ProgressLine.bar("capturesStep", 2048, 0, 1000))
        .isEqualTo("captures   2.0 KiB  2.0 KiB/s");
  }

  @Test
  void anEndedStepSaysItsCountsBytesAndTime() {
    assertThat(ProgressLine.ended("ingestStep", 312, 36 * MIB, 3140))
        .isEqualTo("ingest     done in 3.1 s: 312 entries, 36.0 MiB");
    assertThat(ProgressLine.ended("checkStep", 0, 0, 50)).isEqualTo("check      done in 0.1 s");
  }

  @Test
  void theTerminalRedrawsTheBarInPlaceAndLeavesOneLinePerStep() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomicLong now = new AtomicLong(1_000);
    AtomicLong read = new AtomicLong();
    try (TerminalProgress p =
        new TerminalProgress(
            new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get, false)) {
      p.measured("ingestStep", 10 * MIB, read::get);
      now.addAndGet(1000);
      read.set(5 * MIB);
      p.draw();
      p.ended("ingestStep", 7, 10 * MIB, 2000);
      p.ended("parseStep", 7, 0, 100);
    }
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("\r" + ProgressLine.bar("ingestStep", 5 * MIB, 10 * MIB, 1000));
    assertThat(out).contains("\r\u001b[Kingest     done in 2.0 s: 7 entries, 10.0 MiB\n");
    assertThat(out.lines().filter(l -> l.contains("done in"))).hasSize(2);
  }
}
