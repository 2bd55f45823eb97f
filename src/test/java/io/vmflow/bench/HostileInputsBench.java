package io.vmflow.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Benchmark, not a test: {@code vmflow analyze} (child JVM, {@code -Xmx256m}) on the hostile inputs
 * of issue 18 beside {@code tar -xf} of the same input: wall time, peak RSS (GNU time's {@code %M})
 * and bytes written. The inputs are generated into the folder given.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.HostileInputsBench /tmp/bench-hostile
 * </pre>
 */
public final class HostileInputsBench {

  private HostileInputsBench() {}

  private record Figures(double seconds, long peakRssKb, long bytesWritten, int exit) {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    Path seed = Path.of("samples/seed-fusionsphere/terminal-session.txt");
    Path bomb = dir.resolve("nested.zip");
    HostileInputs.nestedZipBomb(bomb, 4, 256);
    Path flood = dir.resolve("flood.tar.gz");
    HostileInputs.tinyFiles(flood, 200_000, "dump/terminal-session.txt", Files.readString(seed));
    Path line = dir.resolve("oneline.tar");
    oneLineTar(line, 1L << 30);
    System.out.printf(
        "%-14s %-8s %9s %12s %14s %5s%n",
        "input", "tool", "wall s", "peak RSS MB", "written MB", "exit");
    for (Path in : List.of(bomb, flood, line)) {
      print(in, "vmflow", vmflow(in, dir.resolve("vmflow-" + in.getFileName())));
      if (in.equals(bomb)) {
        System.out.printf("%-14s %-8s %s%n", in.getFileName(), "tar -xf", "n/a (zip)");
      } else {
        print(in, "tar -xf", tar(in, dir.resolve("tar-" + in.getFileName())));
      }
    }
  }

  private static void print(Path in, String tool, Figures f) {
    System.out.printf(
        "%-14s %-8s %9.1f %12.0f %14.1f %5d%n",
        in.getFileName(),
        tool,
        f.seconds(),
        f.peakRssKb() / 1024.0,
        f.bytesWritten() / 1048576.0,
        f.exit());
  }

  private static Figures vmflow(Path in, Path out) throws Exception {
    return timed(
        ChildJvm.vmflow("256m", List.of("analyze", in.toString(), "-o", out.toString())), out);
  }

  private static Figures tar(Path in, Path out) throws Exception {
    Files.createDirectories(out);
    return timed(List.of("tar", "-xf", in.toString(), "-C", out.toString()), out);
  }

  // runs the command under GNU time for its peak RSS
  private static Figures timed(List<String> command, Path out) throws Exception {
    Path rss = Files.createTempFile("rss", ".txt");
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString()));
    cmd.addAll(command);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    p.waitFor(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> said = Files.readAllLines(rss);
    long kb = Long.parseLong(said.get(said.size() - 1).strip());
    Files.delete(rss);
    return new Figures(seconds, kb, size(out), p.exitValue());
  }

  private static long size(Path out) throws IOException {
    if (!Files.exists(out)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(out)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  // a plain tar of one file that is a single line of {@code bytes} bytes, named as an output
  // vmflow reads (so it is spooled and parsed, not skipped as unknown)
  private static void oneLineTar(Path out, long bytes) throws IOException {
    byte[] chunk = new byte[1 << 20];
    java.util.Arrays.fill(chunk, (byte) 'x');
    try (OutputStream file = Files.newOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(file)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry e =
          new TarArchiveEntry("sosreport-h1/sos_commands/openvswitch/ovs-vsctl_-t_5_show");
      e.setSize(bytes + 1);
      tar.putArchiveEntry(e);
      for (long done = 0; done < bytes; done += chunk.length) {
        tar.write(chunk, 0, (int) Math.min(chunk.length, bytes - done));
      }
      tar.write('\n');
      tar.closeArchiveEntry();
    }
  }
}
