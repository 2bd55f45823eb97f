package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Honest exit statuses: a usage error is status 2 with a message saying what was wrong. */
class ExitStatusTest {

  @Test
  void noCommandPrintsUsageAndExitsTwo() {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    try {
      assertThat(VmflowMain.run()).isEqualTo(2);
    } finally {
      System.setErr(old);
    }
    assertThat(err.toString()).contains("no command given").contains("Usage:");
  }

  @Test
  void pingsOnAFileThatIsNotACaptureExitsTwo(@TempDir Path tmp) throws Exception {
    Path notes = Files.writeString(tmp.resolve("notes.txt"), "hello, not a capture\n");

    assertThat(VmflowMain.run("pings", notes.toString())).isEqualTo(2);
  }
}
