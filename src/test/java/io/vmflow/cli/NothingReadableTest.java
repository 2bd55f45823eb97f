package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: {@code analyze} on input where nothing is readable exits 2 saying so, with what it
 * skipped and why; captures alone are readable, and their ping pairing is in the report.
 */
class NothingReadableTest {

  @Test
  void emptyRandomAndNotesExitTwoNamingWhatWasSkipped(@TempDir Path tmp) throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Path rand = Files.createDirectories(tmp.resolve("rand"));
    byte[] noise = new byte[4096];
    new Random(17).nextBytes(noise);
    Files.write(rand.resolve("blob.bin"), noise);
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("notes.txt"), "the VM lost pings around 3 a.m.\n");

    Run e = analyze(empty, tmp.resolve("out-empty"));
    assertThat(e.status).isEqualTo(2);
    assertThat(e.err).contains("no dump vmflow can read in " + empty);

    Run r = analyze(rand, tmp.resolve("out-rand"));
    assertThat(r.status).isEqualTo(2);
    assertThat(r.err).contains("no dump vmflow can read in " + rand).contains("blob.bin");

    Run n = analyze(notes, tmp.resolve("out-notes"));
    assertThat(n.status).isEqualTo(2);
    assertThat(n.err).contains("no dump vmflow can read in").contains("notes.txt");
  }

  @Test
  void capturesAloneAreReadAndTheirPingPairingIsInTheReport(@TempDir Path tmp) throws Exception {
    Path caps = Files.createDirectories(tmp.resolve("caps"));
    Files.copy(
        Path.of("src/test/resources/fixtures/pcap/zeek_icmp_5-pings.pcap"),
        caps.resolve("ping.pcap"));

    Path out = tmp.resolve("out");
    Run c = analyze(caps, out);
    assertThat(c.status).isZero();
    assertThat(c.err).doesNotContain("no dump vmflow can read");
    String json = Files.readString(out.resolve("report.json"));
    assertThat(json).contains("\"otherPings\"").contains("172.16.133.2 > 172.217.11.78");
    assertThat(Files.readString(out.resolve("index.html")))
        .contains("Pings at capture points on no known VM")
        .contains("172.16.133.2 &gt; 172.217.11.78");
  }

  private record Run(int status, String err) {}

  private static Run analyze(Path in, Path out) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true));
    try {
      int status = VmflowMain.run("analyze", in.toString(), "-o", out.toString());
      return new Run(status, err.toString());
    } finally {
      System.setErr(old);
    }
  }
}
