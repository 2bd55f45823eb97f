package io.vmflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vmflow analyze}'s usual arguments, read without picocli, mean what picocli reads. */
class AnalyzeCommandPlainTest {

  @Test
  void usualArgumentsAreReadAsPicocliReadsThem() {
    for (String[] args :
        new String[][] {
          {"in"},
          {"a", "b", "-o", "out"},
          {"-o", "out", "a"},
          {"a", "--output", "out", "--fail-on", "warning"},
          {"--single-file", "a", "--fail-on", "info", "b"},
          {"a", "--fail-on", "loud"},
        }) {
      Optional<AnalyzeCommand> plain = AnalyzeCommand.plain(args);
      AnalyzeCommand picocli = new AnalyzeCommand();
      new CommandLine(picocli).parseArgs(args);
      assertThat(plain).as(String.join(" ", args)).isPresent();
      AnalyzeCommand c = plain.get();
      assertThat(c.inputs).isEqualTo(picocli.inputs);
      assertThat(c.output).isEqualTo(picocli.output);
      assertThat(c.failOn).isEqualTo(picocli.failOn);
      assertThat(c.singleFile).isEqualTo(picocli.singleFile);
      assertThat(c.redact).isFalse().isEqualTo(picocli.redact);
    }
  }

  @Test
  void anythingElseGoesToPicocli() {
    for (String[] args :
        new String[][] {
          {},
          {"-o", "out"},
          {"a", "-o"},
          {"a", "-o", "-x"},
          {"a", "-oout"},
          {"a", "--output=out"},
          {"a", "-o", "x", "-o", "y"},
          {"a", "--fail-on", "info", "--fail-on", "error"},
          {"a", "--fail-on"},
          {"a", "--single-file", "--single-file"},
          {"a", "--redact"},
          {"a", "--redact-keyword", "k"},
          {"--help"},
          {"-V"},
          {"a", "--"},
          {"@args.txt"},
          {"a", ""},
          {"a", "-"},
          {"a\0b"},
        }) {
      assertThat(AnalyzeCommand.plain(args)).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void plainRunPrintsWhatPicocliPrints(@TempDir Path tmp) {
    String missing = tmp.resolve("missing").toString();
    String out = tmp.resolve("out").toString();
    for (String[] args :
        new String[][] {{missing, "-o", out}, {tmp.toString(), "--fail-on", "loud", "-o", out}}) {
      StringWriter picocliErr = new StringWriter();
      CommandLine cli = new CommandLine(new AnalyzeCommand());
      cli.setOut(new PrintWriter(new StringWriter()));
      cli.setErr(new PrintWriter(picocliErr));
      int expected = cli.execute(args);

      PrintStream stdout = System.out;
      PrintStream stderr = System.err;
      ByteArrayOutputStream plainOut = new ByteArrayOutputStream();
      ByteArrayOutputStream plainErr = new ByteArrayOutputStream();
      int status;
      try {
        System.setOut(new PrintStream(plainOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(plainErr, true, StandardCharsets.UTF_8));
        status = AnalyzeCommand.plain(args).orElseThrow().runPlain();
      } finally {
        System.setOut(stdout);
        System.setErr(stderr);
      }
      assertThat(status).isEqualTo(expected).isEqualTo(ExitCodes.USAGE);
      assertThat(plainOut.toString(StandardCharsets.UTF_8)).isEmpty();
      assertThat(plainErr.toString(StandardCharsets.UTF_8))
          .isEqualTo(picocliErr.toString())
          .startsWith("vmflow analyze: ");
    }
  }
}
