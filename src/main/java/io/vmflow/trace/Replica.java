package io.vmflow.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One host's private Open vSwitch: its own database and {@code ovs-vswitchd} with the dummy
 * datapath, run from {@code dir} (run/, db/, log/). Nothing touches the machine's own switch or
 * network. The two daemons are children of this JVM: stopped by {@link #close}, by a shutdown hook
 * if the JVM exits first, and by {@link Janitor} on the next run after a {@code kill -9}.
 */
final class Replica implements AutoCloseable {

  private final OvsBinaries bin;
  private final Path run;
  private final Duration limit;
  private final List<Process> daemons = new ArrayList<>();
  private final Thread hook;
  private final Path pids;
  // the switch daemon's control socket, connected on first use; null after that: ovs-appctl
  private Unixctl control;
  private boolean controlTried;

  private Replica(OvsBinaries bin, Path dir, Duration limit) {
    this.bin = bin;
    this.run = dir.resolve("run");
    this.limit = limit;
    this.pids = dir.resolve(Janitor.PIDS);
    this.hook = new Thread(this::stop, "vmflow-replica-stop");
  }

  /**
   * Creates the database and starts both daemons. The switch daemon is not waited for: the first
   * {@link SwitchLoader#bridges} transaction waits until it has applied it, and {@link #appctl}
   * until its control socket is there, so its start-up overlaps the caller's next steps.
   */
  static Replica start(OvsBinaries bin, Path dir, Duration limit)
      throws IOException, ReplicaFailure {
    Replica r = new Replica(bin, dir, limit);
    Runtime.getRuntime().addShutdownHook(r.hook);
    try {
      for (String d : List.of("run", "db", "log")) {
        Files.createDirectories(dir.resolve(d));
      }
      Path db = dir.resolve("db/conf.db");
      database(db, bin.schema());
      r.daemon(
          List.of(
              bin.ovsdbServer().toString(),
              db.toString(),
              "--remote=punix:" + r.socket(),
              "--unixctl=" + r.run.resolve("ovsdb-server.ctl"),
              "--log-file=" + dir.resolve("log/ovsdb-server.log")),
          r.socket());
      // with no Open_vSwitch row yet, ovs-vswitchd waits for the first transaction (its init)
      r.daemon(
          List.of(
              bin.vswitchd().toString(),
              "--enable-dummy=override",
              "unix:" + r.socket(),
              "--unixctl=" + r.ctl(),
              "--log-file=" + dir.resolve("log/ovs-vswitchd.log")),
          null);
      return r;
    } catch (IOException | ReplicaFailure | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /**
   * Writes what {@code ovsdb-tool create DB SCHEMA} writes, without a process: a standalone
   * database is a log of records, each a header line {@code OVSDB JSON <length> <sha1>} and that
   * many bytes of JSON (OVS's ovsdb/log.c); its first and here only record is the schema.
   */
  static void database(Path db, Path schema) throws IOException {
    byte[] text = Files.readAllBytes(schema);
    if (text.length == 0 || text[text.length - 1] != '\n') {
      text = java.util.Arrays.copyOf(text, text.length + 1);
      text[text.length - 1] = '\n';
    }
    String sha1;
    try {
      sha1 =
          java.util.HexFormat.of()
              .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(text));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
    byte[] header =
        ("OVSDB JSON " + text.length + " " + sha1 + "\n").getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(db)) {
      out.write(header);
      out.write(text);
    }
  }

  Path socket() {
    return run.resolve("db.sock");
  }

  Path ctl() {
    return run.resolve("ovs-vswitchd.ctl");
  }

  /** The bridge's OpenFlow management socket. */
  String mgmt(String bridge) {
    return "unix:" + run.resolve(bridge + ".mgmt");
  }

  String vsctl(List<String> args) throws ReplicaFailure {
    List<String> cmd = new ArrayList<>(List.of(bin.vsctl().toString(), "--db=unix:" + socket()));
    cmd.addAll(args);
    return client(cmd);
  }

  String ofctl(List<String> args) throws ReplicaFailure {
    List<String> cmd = new ArrayList<>(List.of(bin.ofctl().toString()));
    cmd.addAll(args);
    return client(cmd);
  }

  /**
   * Runs one {@code ovs-appctl} command on the switch daemon: over one kept connection to its
   * control socket, or, where this JVM cannot connect to it, with {@code ovs-appctl}.
   */
  String appctl(List<String> args) throws ReplicaFailure {
    if (!controlTried) {
      awaitReady(ctl(), daemons.get(daemons.size() - 1), "ovs-vswitchd");
      control = Unixctl.connect(ctl(), limit).orElse(null);
      controlTried = true;
    }
    if (control != null) {
      return control.call(args);
    }
    List<String> cmd = new ArrayList<>(List.of(bin.appctl().toString(), "-t", ctl().toString()));
    cmd.addAll(args);
    return client(cmd);
  }

  /** Runs one client command to its end within the time limit; its stdout, or a failure. */
  String client(List<String> cmd) throws ReplicaFailure {
    try {
      Path err = Files.createTempFile(run, "stderr", ".txt");
      Path out = Files.createTempFile(run, "stdout", ".txt");
      Process p = builder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      long deadline = System.nanoTime() + limit.toNanos();
      // a client waiting on a daemon that died would wait out the whole limit
      while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
        Optional<Process> dead = daemons.stream().filter(d -> !d.isAlive()).findFirst();
        if (dead.isPresent() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new ReplicaFailure(
              shown(cmd)
                  + (dead.isPresent()
                      ? "` stopped: "
                          + dead.get().info().command().orElse("a daemon").replaceAll(".*/", "")
                          + " exited"
                      : "` ran over its " + limit.toSeconds() + " s limit"));
        }
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      String stderr = Files.readString(err, StandardCharsets.UTF_8).trim();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      if (p.exitValue() != 0) {
        throw new ReplicaFailure(
            shown(cmd)
                + "` failed: "
                + (stderr.length() > 300 ? stderr.substring(0, 300) : stderr));
      }
      return stdout;
    } catch (IOException e) {
      throw new ReplicaFailure("cannot run " + cmd.get(0) + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplicaFailure("interrupted");
    }
  }

  // the program and its first arguments: a transaction of 200 bridges is not quoted whole
  private static String shown(List<String> cmd) {
    return "`"
        + cmd.get(0).replaceAll(".*/", "")
        + " "
        + String.join(" ", cmd.subList(1, Math.min(cmd.size(), 4)));
  }

  private ProcessBuilder builder(List<String> cmd) {
    ProcessBuilder b = new ProcessBuilder(cmd);
    Path dir = run.getParent();
    b.environment().put("OVS_RUNDIR", run.toString());
    b.environment().put("OVS_DBDIR", dir.resolve("db").toString());
    b.environment().put("OVS_LOGDIR", dir.resolve("log").toString());
    return b;
  }

  private void daemon(List<String> cmd, Path ready) throws IOException, ReplicaFailure {
    String name = cmd.get(0).replaceAll(".*/", "");
    Process p =
        builder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(run.resolve(name + ".out").toFile())
            .start();
    daemons.add(p);
    Files.writeString(
        pids,
        p.pid() + "\n",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    if (ready != null) {
      awaitReady(ready, p, name);
    }
  }

  // polls for the file a daemon creates once it listens
  private void awaitReady(Path ready, Process p, String name) throws ReplicaFailure {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!Files.exists(ready)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new ReplicaFailure(name + " did not start");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReplicaFailure("interrupted");
      }
    }
  }

  /** Asks the daemons to stop without waiting for them, so that several replicas stop at once. */
  void signal() {
    daemons.forEach(Process::destroy);
  }

  private void stop() {
    if (control != null) {
      control.close();
    }
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      p.destroy();
      try {
        if (!p.waitFor(2, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    daemons.clear();
    try {
      Files.deleteIfExists(pids);
    } catch (IOException e) {
      // the next run's janitor finds only dead pids in it
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs stop() itself
    }
  }
}
