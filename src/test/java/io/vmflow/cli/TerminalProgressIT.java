package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.bench.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress only on a terminal: {@code analyze} run under a pseudo-terminal ({@code script}) draws
 * the bar and a line per step; the same run with standard error going to a file writes no bar, no
 * carriage return, no step line.
 */
class TerminalProgressIT {

  @Test
  void aTerminalGetsTheBarAndStepLinesAndAFileGetsNone(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed");
    List<String> jvm =
        ChildJvm.vmflow(
            "512m", List.of("analyze", "samples/lab-healthy", "-o", tmp.resolve("a").toString()));

    List<String> onPty = new ArrayList<>(List.of("/usr/bin/script", "-q", "-e", "-c"));
    onPty.add(String.join(" ", jvm.stream().map(TerminalProgressIT::quote).toList()));
    onPty.add("/dev/null");
    String tty = run(onPty, tmp.resolve("tty.txt"));

    assertThat(tty).contains("ingest     done in").contains("captures   done in").contains("\r");
    assertThat(tty).containsPattern("\\[[#-]{24}\\] +\\d+%");
    assertThat(tty).doesNotContain("INFO");

    List<String> toFile =
        ChildJvm.vmflow(
            "512m", List.of("analyze", "samples/lab-healthy", "-o", tmp.resolve("b").toString()));
    String file = run(toFile, tmp.resolve("file.txt"));

    assertThat(file).doesNotContain("\r").doesNotContain("done in").doesNotContain("ETA");
    assertThat(file).contains("INFO");
  }

  private static String run(List<String> cmd, Path out) throws Exception {
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("vmflow did not finish");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
