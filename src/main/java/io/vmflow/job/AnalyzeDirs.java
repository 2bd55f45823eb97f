package io.vmflow.job;

import java.nio.file.Path;

/** Names of report folders derived from input names, which come from untrusted uploads. */
final class AnalyzeDirs {

  private AnalyzeDirs() {}

  static String name(Path input) {
    Path n = input.toAbsolutePath().normalize().getFileName();
    String s = n == null ? "bundle" : n.toString();
    s =
        s.replaceAll("(\\.tar)?\\.(gz|tgz|xz|bz2|zst|zip|tar)$", "")
            .replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isBlank() || s.startsWith(".") ? "bundle" + s : s;
  }
}
