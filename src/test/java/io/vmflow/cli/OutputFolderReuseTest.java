package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: re-using an output folder clears what vmflow wrote there before, and only that; a
 * non-empty folder vmflow did not write is refused (status 2, one line naming it), untouched.
 */
class OutputFolderReuseTest {

  private static final String SEED_VM = "8851611c-b34d-4f90-8670-273fe1e9dec3";
  private static final String OTHER_VM = "99999999-b34d-4f90-8670-273fe1e9dec3";

  @Test
  void aRerunLeavesNoPageOfTheEarlierRunAndKeepsFilesVmflowDidNotWrite(@TempDir Path tmp)
      throws Exception {
    Path first = bundle(tmp.resolve("first"), OTHER_VM);
    Path second = bundle(tmp.resolve("second"), SEED_VM);
    Path out = tmp.resolve("out");

    assertThat(run("analyze", first.toString(), "-o", out.toString()).status).isLessThan(2);
    assertThat(out.resolve("vm-" + OTHER_VM + ".html")).exists();
    Files.writeString(out.resolve("notes.txt"), "my notes\n");
    Files.createDirectories(out.resolve("mine")).resolve("a.txt").toFile().createNewFile();

    assertThat(run("analyze", second.toString(), "-o", out.toString()).status).isLessThan(2);
    assertThat(out.resolve("vm-" + SEED_VM + ".html")).exists();
    assertThat(out.resolve("vm-" + OTHER_VM + ".html"))
        .as("the earlier run's page of a VM no longer in the dump")
        .doesNotExist();
    assertThat(out.resolve("notes.txt")).hasContent("my notes");
    assertThat(out.resolve("mine").resolve("a.txt")).exists();
  }

  @Test
  void aNonEmptyFolderVmflowDidNotWriteIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
    Path in = bundle(tmp.resolve("in"), SEED_VM);
    Path foreign = Files.createDirectories(tmp.resolve("photos"));
    Files.writeString(foreign.resolve("index.html"), "my own page\n");

    Run r = run("analyze", in.toString(), "-o", foreign.toString());

    assertThat(r.status).isEqualTo(2);
    assertThat(r.err.strip().lines())
        .singleElement()
        .asString()
        .contains(foreign.toString())
        .contains("vmflow did not write it")
        .contains("index.html");
    assertThat(foreign.resolve("index.html")).hasContent("my own page");
    assertThat(foreign.resolve(".vmflow")).doesNotExist();
    try (var s = Files.list(foreign)) {
      assertThat(s).hasSize(1);
    }

    Path nightly =
        run("nightly", "--inbox", in.toString(), "-o", foreign.toString()).status == 2
            ? foreign
            : null;
    assertThat(nightly).as("nightly refuses it too").isNotNull();
    assertThat(foreign.resolve(".vmflow")).doesNotExist();
  }

  @Test
  void redactRefusesAForeignFolderAndReplacesOnlyWhatAnEarlierRedactionWrote(@TempDir Path tmp)
      throws Exception {
    Path report = tmp.resolve("report");
    assertThat(
            run("analyze", bundle(tmp.resolve("a"), OTHER_VM).toString(), "-o", report.toString())
                .status)
        .isLessThan(2);
    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("keep.txt"), "mine\n");

    Run refused = run("redact", report.toString(), "-o", foreign.toString());
    assertThat(refused.status).isEqualTo(2);
    assertThat(refused.err).contains(foreign.toString()).contains("vmflow did not write it");
    assertThat(foreign.resolve("keep.txt")).hasContent("mine");
    try (var s = Files.list(foreign)) {
      assertThat(s).hasSize(1);
    }

    Path copy = tmp.resolve("copy");
    assertThat(run("redact", report.toString(), "-o", copy.toString()).status).isZero();
    long pagesBefore = vmPages(copy);
    assertThat(pagesBefore).isPositive();
    assertThat(copy.resolve("vm-" + OTHER_VM + ".html")).exists();
    Files.writeString(copy.resolve("keep.txt"), "mine\n");
    // the report now holds the other VM only: the copy's earlier VM page must go
    assertThat(
            run("analyze", bundle(tmp.resolve("b"), SEED_VM).toString(), "-o", report.toString())
                .status)
        .isLessThan(2);
    assertThat(run("redact", report.toString(), "-o", copy.toString()).status).isZero();
    assertThat(vmPages(copy)).isEqualTo(pagesBefore);
    assertThat(copy.resolve("vm-" + SEED_VM + ".html")).exists();
    assertThat(copy.resolve("vm-" + OTHER_VM + ".html")).doesNotExist();
    assertThat(copy.resolve("keep.txt")).hasContent("mine");
  }

  private static long vmPages(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("vm-")).count();
    }
  }

  private static Path bundle(Path dir, String vmId) throws Exception {
    Files.createDirectories(dir);
    String session =
        Files.readString(Path.of("samples/seed-fusionsphere/terminal-session.txt"))
            .replace(SEED_VM, vmId);
    Files.writeString(dir.resolve("terminal-session.txt"), session);
    return dir;
  }

  private record Run(int status, String err) {}

  private static Run run(String... args) {
    PrintStream old = System.err;
    PrintStream oldOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
    try {
      int status = VmflowMain.run(args);
      return new Run(status, err.toString());
    } finally {
      System.setErr(old);
      System.setOut(oldOut);
    }
  }
}
