package io.vmflow.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The collector runs on hosts nobody can debug from here: shellcheck must find nothing in it. */
class CollectShellcheckTest {

  @Test
  void shellcheckFindsNothing() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/shellcheck")), "shellcheck not installed");
    // the namespace lab script too: it runs as root and cleans up after itself, so it must be
    // exact;
    // and the launcher, which every user runs first
    Process p =
        new ProcessBuilder(
                "shellcheck",
                "--shell=bash",
                Collector.SCRIPT.toString(),
                "src/test/lab/run-lab.sh",
                "vmflow")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  @Test
  void helpAndVersionAnswerWithoutCollecting() throws Exception {
    Process p =
        new ProcessBuilder("bash", Collector.SCRIPT.toString(), "--version")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .startsWith("vmflow-collect ");
    assertThat(p.waitFor()).isZero();
    p =
        new ProcessBuilder("bash", Collector.SCRIPT.toString(), "capture", "--seconds", "1")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("capture needs --vm");
    assertThat(p.waitFor()).isEqualTo(2);
    p =
        new ProcessBuilder("bash", Collector.SCRIPT.toString(), "host", "--case", "a/b c")
            .redirectErrorStream(true)
            .start();
    assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("--case takes letters, digits");
    assertThat(p.waitFor()).isEqualTo(2);
  }
}
