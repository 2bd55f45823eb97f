package io.vmflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the process's standard error is a terminal. Progress goes to standard error, not output:
 * standard output carries what scripts read (the report's path and summary, JSON), and a log
 * redirected to a file gets no bar. Java offers no isatty for one stream ({@code System.console()}
 * asks about input and output together), so this reads where file descriptor 2 points on Linux.
 */
final class Terminals {

  private Terminals() {}

  /** True when fd 2 is a terminal and the process's {@code System.err} was not replaced. */
  static boolean stderrIsTerminal() {
    if (System.err != ORIGINAL_ERR || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    return isTerminal(Path.of("/proc/self/fd/2"));
  }

  static boolean isTerminal(Path fd) {
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.matches("/dev/tty[0-9A-Za-z]*");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static final java.io.PrintStream ORIGINAL_ERR = System.err;
}
