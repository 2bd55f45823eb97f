package io.vmflow.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vmflow worker}: analyses the collections nightly managers hand out, one at a time, until
 * stopped (SIGTERM). Any number of workers, on any machines that mount the inbox and the output
 * folder at the manager's paths, share the work through the database.
 */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Analyse the collections `vmflow nightly --workers remote` hands out through the database,"
            + " one at a time, until stopped.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:stopped", "2:usage error or the database cannot be opened"})
final class WorkerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--db",
      required = true,
      paramLabel = "URL",
      description = "JDBC URL of the shared PostgreSQL database (the manager's --db).")
  String db;

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user.")
  String dbUser;

  @Option(
      names = "--db-password-env",
      paramLabel = "VAR",
      description = "Environment variable holding the database password.")
  String dbPasswordEnv;

  @Option(
      names = "--worker-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "Heartbeat every quarter of this; a worker silent this long is taken for dead (default: ${DEFAULT-VALUE}; use the manager's value).")
  long workerTimeout;

  @Option(names = "--debug", description = "Print stack traces of start-up failures.")
  boolean debug;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    java.util.Optional<String> bad =
        FleetMode.requiresServer(db, "vmflow worker")
            .or(
                () ->
                    workerTimeout < 1
                        ? java.util.Optional.of("--worker-timeout must be at least 1 second")
                        : java.util.Optional.empty());
    if (bad.isPresent()) {
      err.println("vmflow worker: " + bad.get());
      return ExitCodes.USAGE;
    }
    String password = dbPasswordEnv != null ? System.getenv().getOrDefault(dbPasswordEnv, "") : "";
    Map<String, Object> props = new HashMap<>();
    props.put("spring.datasource.url", db);
    props.put("spring.datasource.username", dbUser != null ? dbUser : "");
    props.put("spring.datasource.password", password);
    FleetMode.worker(props, workerTimeout);
    ConfigurableApplicationContext ctx;
    try {
      ctx = Levels.start(props);
    } catch (RuntimeException e) {
      if (debug) {
        throw e;
      }
      err.println(
          "vmflow worker: cannot open the database "
              + DbUrls.redact(db)
              + ": "
              + DbUrls.rootMessage(e, password)
              + " (--debug for the stack trace)");
      return ExitCodes.USAGE;
    }
    CountDownLatch closed = new CountDownLatch(1);
    ctx.addApplicationListener((ContextClosedEvent e) -> closed.countDown());
    ctx.registerShutdownHook();
    spec.commandLine()
        .getOut()
        .println("vmflow worker: waiting for partitions on " + DbUrls.redact(db));
    spec.commandLine().getOut().flush();
    closed.await();
    return ExitCodes.OK;
  }
}
