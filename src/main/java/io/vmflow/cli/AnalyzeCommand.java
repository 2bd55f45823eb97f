package io.vmflow.cli;

import io.vmflow.finding.Severity;
import io.vmflow.job.AnalyzeLauncher;
import io.vmflow.job.AnalyzeOutcome;
import io.vmflow.job.RunRetention;
import io.vmflow.report.VerdictText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vmflow analyze}: runs the analysis job and writes the report. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Analyse dumps (folders, archives, transcripts, captures) and write an HTML + JSON report.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:findings at or above --fail-on",
      "2:usage error, unreadable input or failed run"
    })
final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "INPUT",
      description = "Folders, archives, transcripts or captures.")
  List<Path> inputs;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Output folder (default: reports/<name of first input>).")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      description =
          "Exit 1 when a finding is at or above this level: info, warning, error (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Option(
      names = "--single-file",
      description =
          "Write the HTML report as one self-contained DIR/report.html (pages as sections, links as in-page anchors) instead of a folder of pages.")
  boolean singleFile;

  @Option(
      names = "--redact",
      description =
          "Also write a redacted copy of the report to share outside (DIR-redacted beside DIR) and the map used (DIR-redacted.map.json); see vmflow redact.")
  boolean redact;

  @picocli.CommandLine.Mixin RedactOptionsMixin redaction;

  @Override
  public Integer call() throws Exception {
    return run(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /**
   * The command line most runs give, read without picocli: inputs, {@code -o DIR} or {@code
   * --output DIR}, {@code --fail-on LEVEL}, {@code --single-file}, each option at most once.
   * Anything else (help, version, redaction, {@code --option=value}, {@code -oDIR}, a repeated
   * option, {@code --}, an {@code @file}, any other argument starting with {@code -} or {@code @})
   * is empty, and picocli reads it as before. Building picocli's model of the command (reflection
   * over its annotations, the mixin, the converters and help) took about a quarter of a second of
   * CPU before Spring started, on every run.
   */
  static java.util.Optional<AnalyzeCommand> plain(String[] args) {
    AnalyzeCommand c = new AnalyzeCommand();
    c.failOn = "error";
    c.inputs = new java.util.ArrayList<>();
    boolean failOnGiven = false;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        boolean hasValue = i + 1 < args.length && isPlainValue(args[i + 1]);
        if (a.equals("-o") || a.equals("--output")) {
          if (c.output != null || !hasValue) {
            return java.util.Optional.empty();
          }
          c.output = Path.of(args[++i]);
        } else if (a.equals("--fail-on")) {
          if (failOnGiven || !hasValue) {
            return java.util.Optional.empty();
          }
          failOnGiven = true;
          c.failOn = args[++i];
        } else if (a.equals("--single-file")) {
          if (c.singleFile) {
            return java.util.Optional.empty();
          }
          c.singleFile = true;
        } else if (isPlainValue(a)) {
          c.inputs.add(Path.of(a));
        } else {
          return java.util.Optional.empty();
        }
      }
    } catch (java.nio.file.InvalidPathException e) {
      return java.util.Optional.empty(); // picocli words the error
    }
    return c.inputs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(c);
  }

  private static boolean isPlainValue(String a) {
    return !a.isEmpty() && a.charAt(0) != '-' && a.charAt(0) != '@';
  }

  /**
   * Runs a command {@link #plain} read, with picocli's writers and as {@code VmflowMain}'s
   * execution exception handler reports a failure.
   */
  int runPlain() {
    PrintWriter out = writer(System.out, "sun.stdout.encoding");
    PrintWriter err = writer(System.err, "sun.stderr.encoding");
    try {
      return run(out, err);
    } catch (Exception e) {
      err.println("vmflow: " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  /** A writer as picocli makes its own: the stream's encoding property, else the default one. */
  private static PrintWriter writer(java.io.OutputStream stream, String encodingProperty) {
    String name = System.getProperty(encodingProperty);
    java.nio.charset.Charset charset = java.nio.charset.Charset.defaultCharset();
    if (name != null) {
      try {
        charset =
            java.nio.charset.Charset.forName("cp65001".equalsIgnoreCase(name) ? "UTF-8" : name);
      } catch (RuntimeException e) {
        // picocli too falls back to the default
      }
    }
    return new PrintWriter(
        new java.io.BufferedWriter(new java.io.OutputStreamWriter(stream, charset)), true);
  }

  private Integer run(PrintWriter out, PrintWriter err) throws Exception {
    Timings.mark("command line parsed");
    java.util.Optional<Severity> level = Levels.failOn(failOn, "analyze", err);
    if (level.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Severity threshold = level.get();
    for (Path in : inputs) {
      if (!Files.isReadable(in)) {
        err.println("vmflow analyze: cannot read input " + in);
        return ExitCodes.USAGE;
      }
    }
    Path dir =
        (output != null ? output : Path.of("reports", defaultName(inputs.get(0))))
            .toAbsolutePath()
            .normalize();
    java.util.Optional<OutputFolderLock> lock = OutputFolderLock.claim(dir, "analyze", err);
    if (lock.isEmpty()) {
      return ExitCodes.USAGE;
    }
    AnalyzeOutcome outcome;
    Timings.mark("spring context start");
    // on a terminal the bar and step lines replace the per-step log lines (warnings still show)
    boolean terminal = Terminals.stderrIsTerminal();
    try (OutputFolderLock held = lock.get();
        ConfigurableApplicationContext ctx = start(dir, terminal);
        TerminalProgress progress = terminal ? new TerminalProgress(System.err) : null) {
      Timings.mark("spring context ready");
      if (progress != null) {
        ctx.getBean(io.vmflow.job.ProgressHub.class).attach(progress);
      }
      outcome = ctx.getBean(AnalyzeLauncher.class).run(inputs, dir, singleFile);
      Timings.mark("job finished");
      if (outcome.completed()) {
        ctx.getBean(RunRetention.class).keepOnly(outcome.instanceId());
      }
    } catch (RuntimeException e) {
      java.util.Optional<String> output = OutputErrors.describe(e, dir);
      if (output.isEmpty()) {
        throw e;
      }
      err.println("vmflow analyze: " + output.get());
      return ExitCodes.USAGE;
    }
    Timings.mark("spring context closed");
    if (!outcome.completed()) {
      err.println(
          "vmflow analyze: run " + outcome.status() + "; see the log above. Run again to resume.");
      return ExitCodes.USAGE;
    }
    if (outcome.read().nothing()) {
      err.println(
          "vmflow analyze: no dump vmflow can read in "
              + inputs.stream()
                  .map(Path::toString)
                  .collect(java.util.stream.Collectors.joining(", "))
              + (outcome.read().skipped().isEmpty() ? " (no files in it)" : "; skipped:"));
      outcome.read().skipped().forEach(s -> err.println("  " + s));
      err.flush();
      return ExitCodes.USAGE;
    }
    out.println(outcome.index());
    // the verdict's first problems, so the answer is on the terminal before a browser is opened
    Path verdict = outcome.index().resolveSibling(VerdictText.FILE);
    if (Files.isRegularFile(verdict)) {
      try {
        VerdictText.head(verdict.getParent(), 3).forEach(out::println);
      } catch (IOException e) {
        err.println("vmflow analyze: cannot read " + verdict + ": " + e.getMessage());
      }
    }
    out.printf(
        "%d hosts, %d VMs, findings: %d error, %d warning, %d info%n",
        outcome.hosts(), outcome.vms(), outcome.errors(), outcome.warnings(), outcome.infos());
    out.flush();
    if (redact) {
      redaction.redact(dir, io.vmflow.redact.RedactOptions.defaultOutput(dir), out);
    }
    return failing(outcome, threshold) ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static boolean failing(AnalyzeOutcome o, Severity threshold) {
    return switch (threshold) {
      case ERROR -> o.errors() > 0;
      case WARNING -> o.errors() + o.warnings() > 0;
      case INFO -> o.errors() + o.warnings() + o.infos() > 0;
    };
  }

  static String defaultName(Path input) {
    Path name = input.toAbsolutePath().normalize().getFileName();
    String s = name == null ? "report" : name.toString();
    s = s.replaceAll("(\\.tar)?\\.(gz|tgz|xz|bz2|zst|zip|tar|txt|log)$", "");
    return s.isBlank() ? "report" : s;
  }

  static ConfigurableApplicationContext start(Path dir) {
    return start(dir, false);
  }

  static ConfigurableApplicationContext start(Path dir, boolean quiet) {
    String url =
        "jdbc:h2:file:" + dir.resolve(".vmflow").resolve("vmflow") + ";DB_CLOSE_ON_EXIT=FALSE";
    Map<String, Object> props = new java.util.HashMap<>();
    props.put("spring.datasource.url", url);
    props.put("spring.datasource.username", "sa");
    props.put("spring.datasource.password", "");
    // beans only as the job asks for them: the context also holds nightly's stores and runner
    props.put("spring.main.lazy-initialization", "true");
    if (quiet) {
      props.put("logging.level.io.vmflow", "WARN");
    }
    return Levels.start(props);
  }
}
