package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The plain path of {@code vmflow pings} (no picocli) prints what the picocli path prints. */
class PingsCommandTest {

  private static final String CAP = "src/test/resources/fixtures/pcap/zeek_icmp_5-pings.pcap";

  @Test
  void plainArgumentsPrintWhatPicocliPrints() {
    for (String[] args : new String[][] {{"--json", CAP}, {CAP}, {CAP, "--json", CAP}}) {
      StringWriter viaPicocli = new StringWriter();
      CommandLine cli = new CommandLine(new PingsCommand());
      cli.setOut(new PrintWriter(viaPicocli));
      cli.setErr(new PrintWriter(new StringWriter()));
      int expected = cli.execute(args);

      PrintStream stdout = System.out;
      PrintStream stderr = System.err;
      ByteArrayOutputStream plain = new ByteArrayOutputStream();
      OptionalInt status;
      try {
        System.setOut(new PrintStream(plain, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        status = PingsCommand.runPlain(args);
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
      }
      assertThat(status).hasValue(expected);
      assertThat(plain.toString(StandardCharsets.UTF_8))
          .isEqualTo(viaPicocli.toString())
          .contains("172.16.133.2");
    }
  }

  @Test
  void anythingButFilesAndJsonGoesToPicocli() {
    for (String[] args :
        new String[][] {{}, {"--json"}, {"--help"}, {"-V"}, {"--jsn", CAP}, {"-", CAP}, {""}}) {
      assertThat(PingsCommand.runPlain(args)).as(String.join(" ", args)).isEmpty();
    }
  }
}
