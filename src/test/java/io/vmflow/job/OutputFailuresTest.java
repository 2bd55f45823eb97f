package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A full disk under the output folder, for real (a small tmpfs mounted by the test): the run says
 * it cannot write, exits 2, and a previous good report stays as it was.
 */
class OutputFailuresTest {

  private static final Path SEED = Path.of("samples/seed-fusionsphere/terminal-session.txt");

  @TempDir Path tmp;
  private Path mnt;

  private record Result(int exit, String err) {}

  private static Result run(String... args) {
    PrintStream before = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Result(VmflowMain.run(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(before);
    }
  }

  private void mount(String size) throws Exception {
    mnt = Files.createDirectories(tmp.resolve("mnt"));
    Process p =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mnt.toString())
            .redirectErrorStream(true)
            .start();
    boolean done = p.waitFor(20, TimeUnit.SECONDS);
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done || p.exitValue() != 0) {
      mnt = null;
      Assumptions.abort("cannot mount a tmpfs here (" + said.strip() + "); disk-full not tested");
    }
  }

  @AfterEach
  void unmount() throws Exception {
    if (mnt != null) {
      new ProcessBuilder("umount", "-l", mnt.toString()).inheritIO().start().waitFor();
    }
  }

  private static void fill(Path file) {
    byte[] chunk = new byte[64 << 10];
    try (OutputStream out = Files.newOutputStream(file)) {
      while (true) {
        out.write(chunk);
      }
    } catch (IOException full) {
      // the disk is full now
    }
  }

  @Test
  void diskFullLaterIsACannotWriteAndThePreviousReportStays() throws Exception {
    mount("32m");
    Path out = mnt.resolve("out");
    Result first = run("analyze", SEED.toString(), "-o", out.toString());
    assertThat(first.exit()).as(first.err()).isIn(0, 1);
    byte[] json = Files.readAllBytes(out.resolve("report.json"));
    byte[] index = Files.readAllBytes(out.resolve("index.html"));

    Path big = Files.createDirectories(tmp.resolve("big/sos_commands/openvswitch"));
    Files.copy(SEED, tmp.resolve("big/terminal-session.txt"));
    try (OutputStream o = Files.newOutputStream(big.resolve("ovs-ofctl_dump-flows_br-int"))) {
      for (int i = 0; i < 200_000; i++) {
        o.write(
            (" cookie=0x0, duration=1.1s, table=0, n_packets="
                    + i
                    + ", priority=1 actions=NORMAL\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    fill(mnt.resolve("filler"));
    // room for the lock and the database, not for the spooled 16 MB output
    try (var ch =
        java.nio.channels.FileChannel.open(
            mnt.resolve("filler"), java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(ch.size() - (1 << 20));
    }
    Result full = run("analyze", tmp.resolve("big").toString(), "-o", out.toString());

    assertThat(full.exit()).isEqualTo(2);
    assertThat(full.err()).contains("cannot write").contains("no space left on device");
    assertThat(full.err()).doesNotContain("ARCHIVE_TRUNCATED");
    assertThat(out.resolve("report.json")).hasBinaryContent(json);
    assertThat(out.resolve("index.html")).hasBinaryContent(index);
    JsonMapper.builder().build().readTree(out.resolve("report.json").toFile());
  }

  @Test
  void diskFullFromTheStartLeavesNoReportLookingFinished() throws Exception {
    mount("1m");
    fill(mnt.resolve("filler"));
    Files.delete(mnt.resolve("filler"));
    Files.write(mnt.resolve("filler"), new byte[900 << 10]);
    Path out = mnt.resolve("out");
    Result r = run("analyze", SEED.toString(), "-o", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("cannot write").contains("no space left on device");
    assertThat(out.resolve("report.json")).doesNotExist();
    assertThat(out.resolve("index.html")).doesNotExist();
  }
}
