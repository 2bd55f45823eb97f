package io.vmflow.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Runs {@code src/main/collect/vmflow-collect} as a responder would, and opens what it packed. */
final class Collector {

  static final Path SCRIPT = Path.of("src/main/collect/vmflow-collect").toAbsolutePath();

  /** Exit status, combined output and the tarball written (null when none). */
  record Run(int exit, String output, Path tarball) {}

  private Collector() {}

  static Run run(Path outDir, Map<String, String> env, List<String> prefix, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(prefix);
    cmd.add("bash");
    cmd.add(SCRIPT.toString());
    cmd.addAll(List.of(args));
    cmd.add("-o");
    cmd.add(outDir.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("vmflow-collect did not end: " + cmd);
    }
    Path tarball;
    try (Stream<Path> s = Files.list(outDir)) {
      tarball =
          s.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).findFirst().orElse(null);
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), tarball);
  }

  /** Entry names of a .tar.gz, in order. */
  static List<String> entries(Path tarball) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        names.add(e.getName());
      }
    }
    return names;
  }

  /** The tar stream inside the gzip, names and contents together. */
  static byte[] tarBytes(Path tarball) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
      return in.readAllBytes();
    }
  }

  static boolean contains(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
