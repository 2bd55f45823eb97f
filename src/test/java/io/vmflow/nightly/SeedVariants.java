package io.vmflow.nightly;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bundles derived from the seed transcript ({@code samples/seed-fusionsphere}): healthy, or with a
 * fault a nightly run must notice. Each variant's bytes differ, so each is a distinct bundle.
 */
final class SeedVariants {

  static final String VM = "8851611c-b34d-4f90-8670-273fe1e9dec3";
  private static final Path SEED = Path.of("samples/seed-fusionsphere/terminal-session.txt");
  private static final String FDB_LINE = "   71    15  fa:16:3e:29:fb:13    0";

  private SeedVariants() {}

  /** The seed as collected, with {@code marker} appended as a shell comment to vary the bytes. */
  static Path healthy(Path inbox, String name, String marker) throws IOException {
    String text = Files.readString(SEED, StandardCharsets.UTF_8) + "# " + marker + "\n";
    return write(inbox, name, text);
  }

  /** The FDB learned the VM's MAC on port 72 instead of its own port 71. */
  static Path fdbOnWrongPort(Path inbox, String name) throws IOException {
    String text = Files.readString(SEED, StandardCharsets.UTF_8);
    if (!text.contains(FDB_LINE)) {
      throw new IllegalStateException("seed FDB line not found");
    }
    return write(inbox, name, text.replace(FDB_LINE, "   72    15  fa:16:3e:29:fb:13    0"));
  }

  private static Path write(Path inbox, String name, String text) throws IOException {
    Path dir = Files.createDirectories(inbox.resolve(name));
    Files.writeString(dir.resolve("terminal-session.txt"), text, StandardCharsets.UTF_8);
    return dir;
  }
}
