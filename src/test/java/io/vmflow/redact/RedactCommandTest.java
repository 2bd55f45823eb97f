package io.vmflow.redact;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vmflow redact}: defaults, evidence left out and unlinked, the map kept out of the copy.
 */
class RedactCommandTest {

  @TempDir Path tmp;

  @Test
  void dropEvidenceLeavesOutTheEvidencePagesAndEveryLinkToThem() throws Exception {
    Path report = tmp.resolve("seed");
    VmflowMain.run("analyze", "samples/seed-fusionsphere", "-o", report.toString());

    assertThat(VmflowMain.run("redact", report.toString(), "--redact-drop-evidence")).isZero();

    Path copy = tmp.resolve("seed-redacted");
    assertThat(tmp.resolve("seed-redacted.map.json")).exists();
    try (Stream<Path> files = Files.list(copy)) {
      for (Path f : files.toList()) {
        assertThat(f.getFileName().toString()).doesNotStartWith("evidence-");
        assertThat(Files.readString(f)).doesNotContain("href=\"evidence-");
      }
    }
    assertThat(Files.readString(copy.resolve("index.html"))).contains("terminal-session.txt");
  }

  @Test
  void dropEvidenceRemovesTheSingleFilesEvidenceSections() throws Exception {
    Path report = tmp.resolve("seed");
    VmflowMain.run(
        "analyze", "samples/seed-fusionsphere", "-o", report.toString(), "--single-file");

    assertThat(
            VmflowMain.run(
                "redact",
                report.toString(),
                "-o",
                tmp.resolve("out").toString(),
                "--redact-drop-evidence"))
        .isZero();

    String html = Files.readString(tmp.resolve("out/report.html"));
    assertThat(html)
        .doesNotContain("class=\"page evidence\"")
        .doesNotContain("href=\"#evidence-")
        .contains("</html>");
  }

  @Test
  void refusesToWriteTheMapIntoTheCopy() throws Exception {
    Path report = tmp.resolve("seed");
    VmflowMain.run("analyze", "samples/seed-fusionsphere", "-o", report.toString());

    int exit =
        VmflowMain.run(
            "redact",
            report.toString(),
            "-o",
            tmp.resolve("out").toString(),
            "--redact-map-out",
            tmp.resolve("out/map.json").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(tmp.resolve("out/map.json")).doesNotExist();
  }
}
