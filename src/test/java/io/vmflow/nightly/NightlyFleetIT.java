package io.vmflow.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vmflow.bench.ChildJvm;
import io.vmflow.cli.VmflowMain;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * Nightly across a fleet with real processes: a PostgreSQL server started by the test, a manager
 * JVM ({@code nightly --workers remote}) and two worker JVMs ({@code vmflow worker}), each stopped
 * by its own process id. Every collection is analysed once and the history is the one a single
 * local run writes over the same inbox; a worker killed with {@code kill -9} mid-partition loses
 * and duplicates nothing, and a collection a worker cannot read fails alone, with that message.
 */
class NightlyFleetIT {

  private static final int SEEDS = 4;
  private static final String TIMEOUT = "6";

  // what a collection's history is, without the run it was recorded in
  private static final String STATES =
      "SELECT bundle_sha256, vm_id, vm_name, host, status, errors, warnings, ping_requests,"
          + " ping_answered, report_page FROM vm_state ORDER BY 1, 2";
  private static final String FINDINGS =
      "SELECT bundle_sha256, vm_id, finding_key, code, severity FROM vm_finding ORDER BY 1, 2, 3";

  @TempDir static Path tmp;
  private static PostgresServer server;
  private static Path pg;
  private static Path inbox;
  private static List<String> single;
  private static List<String> singleFindings;
  private static String fleet;
  private static List<Process> fleetWorkers = List.of();

  @BeforeAll
  static void singleProcessBaseline() throws Exception {
    Optional<Path> bin = PostgresServer.binaries();
    assumeTrue(
        bin.isPresent() && !System.getenv().containsKey("VMFLOW_SKIP_POSTGRES"),
        "PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin): fleet IT skipped");
    pg = Files.createTempDirectory("vmflow-pg");
    server = PostgresServer.start(bin.get(), pg);
    inbox = Files.createDirectories(tmp.resolve("inbox"));
    for (int i = 0; i < SEEDS; i++) {
      SeedVariants.healthy(inbox, "seed-" + i, "fleet collection " + i);
    }
    copy(Path.of("samples/lab-healthy"), inbox.resolve("lab-healthy"));
    copy(Path.of("samples/lab-reply-drop"), inbox.resolve("lab-reply-drop"));
    settle(inbox);
    // the first case's workers start while the single process runs: they wait on their own database
    fleet = database("fleet");
    fleetWorkers = List.of(worker(fleet, "w1"), worker(fleet, "w2"));
    String url = database("single");
    int status =
        VmflowMain.run(
            "nightly",
            "--settle",
            "0",
            "--inbox",
            inbox.toString(),
            "-o",
            tmp.resolve("single").toString(),
            "--db",
            url,
            "--db-user",
            "postgres");
    assertThat(status).isIn(0, 1);
    single = rows(url, STATES);
    singleFindings = rows(url, FINDINGS);
    assertThat(single).hasSizeGreaterThan(SEEDS);
  }

  @AfterAll
  static void stopServer() throws Exception {
    stop(fleetWorkers);
    if (server != null) {
      server.close();
      FileSystemUtils.deleteRecursively(pg);
    }
  }

  @Test
  void twoWorkersAnalyseEachCollectionOnceWithTheSingleProcessHistory() throws Exception {
    String url = fleet;
    List<Process> workers = fleetWorkers;
    try {
      Process manager = manager(url, inbox, "m1");
      assertThat(manager.waitFor(240, TimeUnit.SECONDS)).as(log("m1")).isTrue();
      assertThat(manager.exitValue()).as(log("m1")).isIn(0, 1);
      assertThat(log("m1")).contains("6 collections analysed, 0 failed");
    } finally {
      stop(workers);
    }
    assertThat(rows(url, STATES)).isEqualTo(single);
    assertThat(rows(url, FINDINGS)).isEqualTo(singleFindings);
    assertThat(rows(url, "SELECT status, COUNT(*) FROM nightly_bundle GROUP BY status"))
        .containsExactly("DONE|6");
    assertThat(
            rows(
                url, "SELECT COUNT(*) FROM batch_job_instance WHERE job_name = 'analyzeBundleJob'"))
        .as("each collection analysed once")
        .containsExactly("6");
    System.out.println(
        "analysed by w1: "
            + count(log("w1"), ": ANALYSED ")
            + ", by w2: "
            + count(log("w2"), ": ANALYSED "));
    assertThat(count(log("w1"), ": ANALYSED ") + count(log("w2"), ": ANALYSED ")).isEqualTo(6);
  }

  @Test
  void aWorkerKilledMidPartitionLosesAndDuplicatesNothing() throws Exception {
    String url = database("killed");
    Path box = Files.createDirectories(tmp.resolve("inbox-killed"));
    try (Stream<Path> s = Files.list(inbox)) {
      for (Path c : s.toList()) {
        copy(c, box.resolve(c.getFileName()));
      }
    }
    Path gone = SeedVariants.healthy(box, "unmounted", "seen by the manager only");
    settle(box);
    Process manager = manager(url, box, "m2");
    List<Process> workers = new ArrayList<>(List.of(manager));
    try {
      // the collection is in the queue, then its folder is gone: the worker cannot read it
      long deadline = System.currentTimeMillis() + 120_000;
      while (!queued(url).equals(List.of("7"))) {
        assertThat(System.currentTimeMillis()).as(log("m2")).isLessThan(deadline);
        Thread.sleep(200);
      }
      Files.move(gone, tmp.resolve("moved-away"));
      workers.add(worker(url, "w3"));
      workers.add(worker(url, "w4"));
      String host = InetAddress.getLocalHost().getHostName();
      Process victim = null;
      while (victim == null) {
        assertThat(System.currentTimeMillis()).as(log("w3")).isLessThan(deadline + 60_000);
        for (Process w : workers.subList(1, 3)) {
          if (!rows(
                  url,
                  "SELECT sha256 FROM nightly_bundle WHERE status = 'STARTED' AND worker = '"
                      + host
                      + ":"
                      + w.pid()
                      + "'")
              .isEmpty()) {
            victim = w;
          }
        }
        Thread.sleep(100);
      }
      victim.destroyForcibly(); // SIGKILL: no shutdown hook, claim left STARTED
      assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
      System.out.println("killed worker " + victim.pid() + " mid-partition");
      assertThat(manager.waitFor(240, TimeUnit.SECONDS)).as(log("m2")).isTrue();
      assertThat(manager.exitValue())
          .as("a failed collection: status 2; %s", log("m2"))
          .isEqualTo(2);
      assertThat(log("m2"))
          .contains("sent again, to another worker")
          .contains("6 collections analysed, 1 failed");
    } finally {
      stop(workers);
    }
    assertThat(rows(url, STATES)).as("nothing lost, nothing twice").isEqualTo(single);
    assertThat(rows(url, FINDINGS)).isEqualTo(singleFindings);
    assertThat(rows(url, "SELECT status, COUNT(*) FROM nightly_bundle GROUP BY status"))
        .containsExactly("DONE|6");
    String json = Files.readString(tmp.resolve("out-m2/nightly.json"));
    assertThat(json).contains("cannot read the inbox path " + gone).contains("FAILED");
  }

  private static String database(String name) throws Exception {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
      c.createStatement().execute("CREATE DATABASE " + name);
    }
    return server.jdbcUrl().replace("/postgres", "/" + name);
  }

  private static Process manager(String url, Path box, String name) throws Exception {
    return start(
        name,
        List.of(
            "nightly",
            "--workers",
            "remote",
            "--worker-timeout",
            TIMEOUT,
            "--settle",
            "0",
            "--inbox",
            box.toString(),
            "-o",
            tmp.resolve("out-" + name).toString(),
            "--db",
            url,
            "--db-user",
            "postgres"));
  }

  private static Process worker(String url, String name) throws Exception {
    return start(
        name, List.of("worker", "--worker-timeout", TIMEOUT, "--db", url, "--db-user", "postgres"));
  }

  private static Process start(String name, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(ChildJvm.vmflow("384m", args));
    cmd.add(1, "-XX:TieredStopAtLevel=1"); // quicker start-up of five JVMs on a small machine
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".log").toFile())
        .start();
  }

  private static void stop(List<Process> processes) throws Exception {
    for (Process p : processes) {
      p.destroy(); // SIGTERM to this pid only
    }
    for (Process p : processes) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static String log(String name) throws Exception {
    Path f = tmp.resolve(name + ".log");
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  private static void copy(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  // every file and folder of the inbox ten minutes old: past any settle time
  private static void settle(Path box) throws Exception {
    FileTime old = FileTime.from(Instant.now().minusSeconds(600));
    try (Stream<Path> s = Files.walk(box)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
  }

  // the partition requests waiting; none before the manager created the queue's table
  private static List<String> queued(String url) throws Exception {
    try {
      return rows(url, "SELECT COUNT(*) FROM int_channel_message");
    } catch (java.sql.SQLException e) {
      return List.of();
    }
  }

  private static List<String> rows(String url, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }
}
