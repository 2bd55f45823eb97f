package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user runs it: the {@code ./vmflow} launcher on the packaged jar
 * (failsafe runs after {@code package}). The launcher records a class-data-sharing archive once and
 * starts the job from Spring AOT's generated bean definitions; a run with both and a run with
 * neither must write the same report, and nightly must start in the AOT mode too.
 */
class LauncherIT {

  private static final Path LAUNCHER = Path.of("vmflow").toAbsolutePath();
  private static final Path APP = Path.of("target", "vmflow-app");

  @Test
  void launcherWithArchiveAndAotWritesTheSameReportAsWithout(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isRegularFile(Path.of("target", "vmflow.jar")), "jar not packaged yet");
    String seed = Path.of("samples", "seed-fusionsphere").toAbsolutePath().toString();

    Run first = run(Map.of(), "analyze", seed, "-o", tmp.resolve("fast").toString());
    assertThat(first.status).as(first.output).isZero();
    assertThat(archives()).as("archive recorded once per build, keyed by the JDK").hasSize(1);
    Run again = run(Map.of(), "analyze", seed, "-o", tmp.resolve("fast").toString());
    assertThat(again.status).as(again.output).isZero();
    assertThat(again.output).doesNotContain("recording a class-data-sharing archive");

    Run plain =
        run(
            Map.of("VMFLOW_CDS", "off", "VMFLOW_AOT", "off"),
            "analyze",
            seed,
            "-o",
            tmp.resolve("plain").toString());
    assertThat(plain.status).as(plain.output).isZero();
    assertThat(summary(again.output)).isEqualTo(summary(plain.output)).contains("1 VMs");
    assertThat(withoutTimes(tmp.resolve("fast/report.json")))
        .isEqualTo(withoutTimes(tmp.resolve("plain/report.json")));

    Path inbox = Files.createDirectories(tmp.resolve("inbox"));
    Run nightly = run(Map.of(), "nightly", "--inbox", inbox.toString(), "-o", tmp + "/night");
    assertThat(nightly.status).as(nightly.output).isZero();
    assertThat(tmp.resolve("night/nightly.json")).exists();
  }

  private record Run(int status, String output) {}

  private static Run run(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Run(p.exitValue(), out);
  }

  private static List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(APP)) {
      return files
          .filter(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot"))
          .toList();
    }
  }

  private static String summary(String output) {
    return output.lines().filter(l -> l.contains(" VMs, findings:")).findFirst().orElse("");
  }

  // the run's own times and folder differ between the two runs, nothing else may
  private static String withoutTimes(Path json) throws IOException {
    return Files.readString(json)
        .replaceAll("\"(generatedAt|startedAt|finishedAt|durationMs|output)\"\\s*:\\s*[^,\\n]*", "")
        .replaceAll("/[^\"]*/(fast|plain)/", "/OUT/");
  }
}
