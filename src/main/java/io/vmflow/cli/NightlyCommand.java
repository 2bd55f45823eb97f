package io.vmflow.cli;

import io.vmflow.finding.Severity;
import io.vmflow.job.FleetNightlyRunner;
import io.vmflow.job.NightlyRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vmflow nightly}: analyses what is new in an inbox and reports what changed. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Analyse every collection of an inbox not analysed before (a sub-folder, or loose tarballs"
            + " grouped by case id or collection time); report new, open and resolved findings per VM.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no VM has a current finding at or above --fail-on",
      "1:some VM has",
      "2:usage error, unreadable inbox or a failed collection"
    })
final class NightlyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--inbox",
      required = true,
      paramLabel = "DIR",
      description = "Folder the collectors drop bundles into.")
  Path inbox;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "Output folder (default: reports/nightly).")
  Path output;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "JDBC URL of the history database (default: H2 file in the output folder).")
  String db;

  @Option(
      names = "--debug",
      description = "Print stack traces of failures (default: one line saying what failed).")
  boolean debug;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      description = "Database user (default: sa for H2).")
  String dbUser;

  @Option(
      names = "--db-password-env",
      paramLabel = "VAR",
      description = "Environment variable holding the database password.")
  String dbPasswordEnv;

  @Option(
      names = "--keep",
      paramLabel = "N",
      defaultValue = "30",
      description = "Runs of history to keep (default: ${DEFAULT-VALUE}).")
  int keep;

  @Option(
      names = "--settle",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Leave a collection for the next run while a file of it changed within this many seconds: it may still be being copied (default: ${DEFAULT-VALUE}).")
  long settleSeconds;

  @Option(
      names = "--workers",
      paramLabel = "MODE",
      defaultValue = "local",
      description =
          "local: this process analyses every collection (default); remote: hand one collection per"
              + " partition to `vmflow worker` processes through the --db PostgreSQL (Spring Batch"
              + " remote partitioning).")
  String workers;

  @Option(
      names = "--worker-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "With --workers remote: a worker silent this long has died; its collection goes to another worker (default: ${DEFAULT-VALUE}).")
  long workerTimeout;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      description = "info, warning or error (default: ${DEFAULT-VALUE}).")
  String failOn;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    java.util.Optional<Severity> parsed = Levels.failOn(failOn, "nightly", err);
    if (parsed.isEmpty()) {
      return ExitCodes.USAGE;
    }
    Severity level = parsed.get();
    java.util.Optional<String> fleet = FleetMode.check(workers, db, workerTimeout);
    if (fleet.isPresent()) {
      err.println("vmflow nightly: " + fleet.get());
      return ExitCodes.USAGE;
    }
    if (!Files.isDirectory(inbox) || keep < 1) {
      err.println(
          "vmflow nightly: "
              + (keep < 1 ? "--keep must be at least 1" : "no inbox folder " + inbox));
      return ExitCodes.USAGE;
    }
    Path dir =
        (output != null ? output : Path.of("reports", "nightly")).toAbsolutePath().normalize();
    java.util.Optional<OutputFolderLock> lock = OutputFolderLock.claim(dir, "nightly", err);
    if (lock.isEmpty()) {
      return ExitCodes.USAGE;
    }
    NightlyRunner.NightlyOutcome o;
    ConfigurableApplicationContext started;
    try {
      started = start(dir);
    } catch (RuntimeException e) {
      if (debug) {
        throw e;
      }
      String url = db != null ? db : "the H2 file in " + dir.resolve(".vmflow");
      err.println(
          "vmflow nightly: cannot open the history database "
              + DbUrls.redact(url)
              + ": "
              + DbUrls.rootMessage(e, password())
              + " (--debug for the stack trace)");
      err.flush();
      return ExitCodes.USAGE;
    }
    try (OutputFolderLock held = lock.get();
        ConfigurableApplicationContext ctx = started) {
      Path in = inbox.toAbsolutePath().normalize();
      o =
          FleetMode.isRemote(workers)
              ? ctx.getBean(FleetNightlyRunner.class).run(in, dir, keep, level)
              : ctx.getBean(NightlyRunner.class).run(in, dir, keep, level);
    } catch (RuntimeException e) {
      java.util.Optional<String> failure = OutputErrors.describe(e, dir);
      if (failure.isEmpty()) {
        throw e;
      }
      err.println("vmflow nightly: " + failure.get());
      return ExitCodes.USAGE;
    }
    out.println(o.page());
    long failing = o.report().vms().stream().filter(v -> v.failsAt(level)).count();
    out.printf(
        "%d collections analysed, %d failed, %d already known, %d analysed by another run, %d still"
            + " changing; %d VMs, %d failing at %s%n",
        o.processed(),
        o.failed(),
        o.skipped(),
        o.busy(),
        o.waiting(),
        o.report().vms().size(),
        failing,
        failOn);
    out.flush();
    if (o.failed() > 0) {
      return ExitCodes.USAGE;
    }
    return failing > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private String password() {
    return dbPasswordEnv != null ? System.getenv().getOrDefault(dbPasswordEnv, "") : "";
  }

  private ConfigurableApplicationContext start(Path dir) {
    Map<String, Object> props = new HashMap<>();
    props.put(
        "spring.datasource.url",
        db != null
            ? db
            : "jdbc:h2:file:"
                + dir.resolve(".vmflow").resolve("nightly")
                + ";DB_CLOSE_ON_EXIT=FALSE");
    props.put("vmflow.nightly.settle-seconds", String.valueOf(settleSeconds));
    props.put("spring.datasource.username", dbUser != null ? dbUser : "sa");
    props.put("spring.datasource.password", password());
    if (!debug) {
      // a context that fails to start is reported as one line by call(), not as logged traces
      props.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
      // the context class that warns: generic under AOT, annotation-config otherwise
      props.put(
          "logging.level.org.springframework.context.support.GenericApplicationContext", "OFF");
      props.put(
          "logging.level.org.springframework.context.annotation.AnnotationConfigApplicationContext",
          "OFF");
      props.put("logging.level.com.zaxxer.hikari.pool.HikariPool", "OFF");
    }
    if (FleetMode.isRemote(workers)) {
      FleetMode.manager(props, workerTimeout);
    }
    return Levels.start(props);
  }
}
