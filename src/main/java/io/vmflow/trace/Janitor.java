package io.vmflow.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Cleans up after a run that could not: every {@code vmflow.pids} under the replica folder names
 * daemons a killed JVM left behind; those still running from that folder are stopped, by pid.
 */
final class Janitor {

  static final String PIDS = "vmflow.pids";

  private Janitor() {}

  // /proc/<pid>/cmdline: NUL-separated arguments (ProcessHandle.Info may leave them out)
  private static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
          .replace('\0', ' ');
    } catch (IOException e) {
      return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
    }
  }

  /**
   * @return how many left-over daemons were stopped
   */
  static int clean(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int stopped = 0;
    try (Stream<Path> s = Files.walk(root, 2)) {
      for (Path pids : s.filter(p -> p.getFileName().toString().equals(PIDS)).toList()) {
        String dir = pids.getParent().toAbsolutePath().toString();
        for (String line : Files.readAllLines(pids)) {
          if (line.isBlank()) {
            continue;
          }
          long pid = Long.parseLong(line.trim());
          // only a process started from this replica's folder: a reused pid is someone else's
          boolean ours =
              ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                  && commandLine(pid).contains(dir);
          if (ours) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            stopped++;
          }
        }
        Files.delete(pids);
      }
    } catch (IOException | NumberFormatException e) {
      // a damaged pid file: nothing to stop from it
    }
    return stopped;
  }
}
