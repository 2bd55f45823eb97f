package io.vmflow.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vmflow} command: subcommands for analysis, parsing one file, and pings. */
@Command(
    name = "vmflow",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Offline analyzer of hypervisor dumps: each VM's network path and where its pings get lost.",
    subcommands = {
      AnalyzeCommand.class,
      ParseCommand.class,
      PingsCommand.class,
      NightlyCommand.class,
      WorkerCommand.class,
      RedactCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VmflowMain implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    Timings.mark("main");
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit status (no {@code System.exit}, for tests). */
  public static int run(String... args) {
    if (args.length > 0 && args[0].equals("pings")) {
      // the quick tool for a capture at hand: built alone, it loads no Spring class at all, and
      // plain arguments (files, --json) do not build a picocli command either
      java.util.OptionalInt plain =
          PingsCommand.runPlain(java.util.Arrays.copyOfRange(args, 1, args.length));
      if (plain.isPresent()) {
        return plain.getAsInt();
      }
      return configure(new CommandLine(new PingsCommand()).setCommandName("vmflow pings"))
          .execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length > 0 && args[0].equals("redact")) {
      // works on written files only: no Spring context either
      return configure(new CommandLine(new RedactCommand()).setCommandName("vmflow redact"))
          .execute(java.util.Arrays.copyOfRange(args, 1, args.length));
    }
    if (args.length > 0 && args[0].equals("analyze")) {
      // the steps' first-use set-up, on the other core while this one reads the command line and
      // starts Spring
      io.vmflow.job.Warmup.start();
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      // the command run again and again: its usual arguments need no picocli at all
      java.util.Optional<AnalyzeCommand> plain = AnalyzeCommand.plain(rest);
      if (plain.isPresent()) {
        return plain.get().runPlain();
      }
      // built alone, picocli reflects over one command instead of the whole tree (about 0.8 s of
      // CPU at start-up with every subcommand's static set-up)
      return configure(new CommandLine(new AnalyzeCommand()).setCommandName("vmflow analyze"))
          .execute(rest);
    }
    return configure(new CommandLine(new VmflowMain())).execute(args);
  }

  private static CommandLine configure(CommandLine cli) {
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("vmflow: " + ex.getMessage());
          return ExitCodes.USAGE;
        });
    return cli;
  }

  /** {@code vmflow} with no command: the usage, on stderr, and the usage status. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("vmflow: no command given");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
