package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.parse.SourceText;
import io.vmflow.spec.Spec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScreensTest {

  private static Optional<Finding> screen(String... lines) {
    return Screens.collectorNoise(
        new SourceText(Spec.BRCTL_SHOW, "bundle!/brctl_show", List.of(lines)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bash: brctl: command not found|COLLECTOR_COMMAND_NOT_FOUND",
        "/bin/sh: 1: brctl: not found|COLLECTOR_COMMAND_NOT_FOUND",
        "timeout: failed to run command 'brctl': No such file or directory|COLLECTOR_TIMEOUT",
        "cat: /proc/net/bridge: No such file or directory|COLLECTOR_NO_SUCH_FILE"
      })
  void aComplaintInsteadOfOutputIsAFindingNotParserInput(String line, String code) {
    Optional<Finding> f = screen("", line);

    assertThat(f).map(Finding::code).contains(code);
    assertThat(f.get().message()).contains(line);
    assertThat(f.get().origin()).isEqualTo("bundle!/brctl_show");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bridge name\tbridge id\t\tSTP enabled\tinterfaces",
        "qbr1c65142e-2a\t8000.fe163e2f7a5b\tno\t\ttap1c65142e-2a",
        "not found"
      })
  void realOutputPassesThrough(String line) {
    assertThat(screen(line)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void emptyOutputAndLongOutputAreLeftToTheParser() {
    assertThat(screen()).isEmpty();
    assertThat(screen("bash: brctl: command not found", "x", "y")).isEmpty();
  }
}
