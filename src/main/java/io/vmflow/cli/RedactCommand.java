package io.vmflow.cli;

import io.vmflow.redact.RedactOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vmflow redact}: a redacted copy of a report already written, to share outside. */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Write a redacted copy of a report (host names, domains, IP and MAC addresses, port ids, VM/network/project names and keywords masked consistently, sos clean style) and the map used.")
final class RedactCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "REPORT_DIR",
      description = "A folder vmflow analyze wrote.")
  Path report;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "The redacted copy (default: REPORT_DIR-redacted beside it).")
  Path output;

  @Mixin RedactOptionsMixin redaction;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(report.resolve("report.json"))) {
      err.println("vmflow redact: no report.json in " + report);
      return ExitCodes.USAGE;
    }
    Path out = output != null ? output : RedactOptions.defaultOutput(report);
    redaction.redact(report, out, spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
