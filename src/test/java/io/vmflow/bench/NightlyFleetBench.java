package io.vmflow.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Benchmark, not a test: one nightly inbox of {@code N} generated collections through (1) one local
 * process ({@code nightly}), (2) a manager with one worker, (3) a manager with two workers, each on
 * its own database of a running PostgreSQL. Workers are started and idle first, as a fleet's
 * services are; the figure is the manager's (or the single process's) wall time, with GNU time's
 * CPU seconds of the manager: its cost per partition.
 *
 * <p>A collection is a lab sample ({@code samples/lab-healthy} or {@code lab-reply-drop}, in turn)
 * with new VM ids (rewritten in every entry name and text, nested tarballs included) plus a padding
 * tarball of generated OpenFlow dumps ({@link GenerateBundle}), a few MB together.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.NightlyFleetBench \
 *   /tmp/bench-fleet 200 jdbc:postgresql://127.0.0.1:5432/ postgres [padding-bytes]
 * </pre>
 */
public final class NightlyFleetBench {

  private static final Pattern CPU =
      Pattern.compile("^cpu ([0-9.]+) ([0-9.]+) ([0-9.]+)$", Pattern.MULTILINE);
  private static final Pattern SUMMARY =
      Pattern.compile("(\\d+) collections analysed, (\\d+) failed");

  private NightlyFleetBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    int n = Integer.parseInt(args[1]);
    String base = args[2];
    String user = args[3];
    long padding = args.length > 4 ? Long.parseLong(args[4]) : 3L << 20;
    Path inbox = dir.resolve("inbox-" + n);
    if (!Files.isDirectory(inbox)) {
      generate(dir, inbox, n, padding);
    }
    System.out.printf(
        "%d collections, %.1f MB in all%n",
        n, Files.walk(inbox).mapToLong(NightlyFleetBench::size).sum() / 1e6);
    System.out.printf(
        "%-18s %8s %14s %12s %18s %7s%n",
        "mode", "wall s", "collections/min", "mgr CPU s", "mgr CPU/partition", "status");
    long stamp = System.currentTimeMillis() / 1000;
    for (int workers : new int[] {0, 1, 2}) {
      String db = "bench_" + stamp + "_" + workers;
      try (Connection c = DriverManager.getConnection(base + "postgres", user, "")) {
        c.createStatement().execute("CREATE DATABASE " + db);
      }
      String url = base + db;
      List<Process> started = new ArrayList<>();
      try {
        for (int w = 0; w < workers; w++) {
          Path log = dir.resolve(db + "-worker" + w + ".log");
          started.add(
              new ProcessBuilder(
                      ChildJvm.vmflow("512m", List.of("worker", "--db", url, "--db-user", user)))
                  .redirectErrorStream(true)
                  .redirectOutput(log.toFile())
                  .start());
          waitFor(log, "waiting for partitions");
        }
        List<String> args2 =
            new ArrayList<>(
                List.of(
                    "nightly",
                    "--settle",
                    "0",
                    "--inbox",
                    inbox.toString(),
                    "-o",
                    dir.resolve(db).toString(),
                    "--db",
                    url,
                    "--db-user",
                    user));
        if (workers > 0) {
          args2.addAll(List.of("--workers", "remote"));
        }
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "cpu %e %U %S"));
        cmd.addAll(ChildJvm.vmflow("512m", args2));
        Path log = dir.resolve(db + "-manager.log");
        Process m =
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        m.waitFor(6, TimeUnit.HOURS);
        String out = Files.readString(log);
        Matcher t = CPU.matcher(out);
        Matcher s = SUMMARY.matcher(out);
        if (!t.find() || !s.find()) {
          System.out.println(workers + " workers: no figures, see " + log);
          continue;
        }
        double wall = Double.parseDouble(t.group(1));
        double cpu = Double.parseDouble(t.group(2)) + Double.parseDouble(t.group(3));
        System.out.printf(
            Locale.ROOT,
            "%-18s %8.1f %14.1f %12.1f %15.0f ms %7s%n",
            workers == 0
                ? "1 process"
                : "manager+" + workers + " worker" + (workers > 1 ? "s" : ""),
            wall,
            n * 60 / wall,
            cpu,
            workers == 0 ? Double.NaN : cpu * 1000 / n,
            s.group(1) + "/" + n + (s.group(2).equals("0") ? "" : " " + s.group(2) + " failed"));
      } finally {
        for (Process p : started) {
          p.destroy();
          p.waitFor(60, TimeUnit.SECONDS);
        }
      }
    }
  }

  private static void waitFor(Path log, String line) throws Exception {
    long deadline = System.currentTimeMillis() + 300_000;
    while (!(Files.exists(log) && Files.readString(log).contains(line))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("no '" + line + "' in " + log);
      }
      Thread.sleep(250);
    }
  }

  private static long size(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void generate(Path dir, Path inbox, int n, long padding) throws Exception {
    Path pad = dir.resolve("padding.tar.gz");
    if (!Files.exists(pad)) {
      GenerateBundle.main(new String[] {pad.toString(), String.valueOf(padding), "20"});
    }
    Path tmp = Files.createDirectories(dir.resolve(inbox.getFileName() + ".tmp"));
    for (int i = 0; i < n; i++) {
      Path seed = Path.of(i % 2 == 0 ? "samples/lab-healthy" : "samples/lab-reply-drop");
      Path c = Files.createDirectories(tmp.resolve(String.format("collection-%04d", i)));
      String id = String.format("%04x-4bbb-8ccc", i + 1);
      try (Stream<Path> files = Files.list(seed)) {
        for (Path f : files.toList()) {
          Files.write(c.resolve(f.getFileName()), rewrite(Files.readAllBytes(f), id));
        }
      }
      Files.copy(pad, c.resolve("padding.tar.gz"));
    }
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }
    Files.move(tmp, inbox);
  }

  // a .tar.gz with the lab's VM ids (…-aaaa-4bbb-8ccc-…) given a new middle part, in entry names
  // and text, nested .tar.gz included; binary entries (captures) as they are
  private static byte[] rewrite(byte[] tgz, String id) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveInputStream in =
            new TarArchiveInputStream(new GZIPInputStream(new java.io.ByteArrayInputStream(tgz)));
        OutputStream gz = new GZIPOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = e.isDirectory() ? new byte[0] : readAll(in);
        if (e.getName().endsWith(".tar.gz")) {
          data = rewrite(data, id);
        } else if (isText(data)) {
          data =
              replace(new String(data, StandardCharsets.UTF_8), id)
                  .getBytes(StandardCharsets.UTF_8);
        }
        TarArchiveEntry copy = new TarArchiveEntry(replace(e.getName(), id));
        copy.setModTime(e.getModTime());
        copy.setMode(e.getMode());
        copy.setSize(e.isDirectory() ? 0 : data.length);
        tar.putArchiveEntry(copy);
        tar.write(data);
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  private static String replace(String s, String id) {
    return s.replace("aaaa-4bbb-8ccc", id);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  private static boolean isText(byte[] data) {
    for (int i = 0; i < Math.min(data.length, 4096); i++) {
      if (data[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
