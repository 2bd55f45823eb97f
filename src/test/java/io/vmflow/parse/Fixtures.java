package io.vmflow.parse;

import io.vmflow.spec.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Test fixtures: real outputs under src/test/resources/fixtures, and commands of the seed session.
 */
final class Fixtures {

  static final Path ROOT = Path.of("src/test/resources/fixtures");

  private Fixtures() {}

  static SourceText file(Spec spec, String folder, String name, String subject) {
    Path p = ROOT.resolve(folder).resolve(name);
    return new SourceText(spec, p.toString(), 1, subject, lines(p));
  }

  static List<Path> all(String folder, String glob) {
    try (Stream<Path> s = Files.list(ROOT.resolve(folder))) {
      return s.filter(p -> p.getFileName().toString().matches(glob)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(Path p) {
    try {
      String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
      return text.lines().map(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The output of the {@code occurrence}-th command of the seed session starting with {@code
   * command}, with the session's line numbers.
   */
  static SourceText seed(Spec spec, String command, String subject, int occurrence) {
    List<String> all = lines(ROOT.resolve("seed/terminal-session.txt"));
    int seen = 0;
    for (int i = 0; i < all.size(); i++) {
      int hash = all.get(i).indexOf(" # ");
      boolean prompt = all.get(i).matches("^(\\[root@[^\\]]+\\]#|[0-9A-F-]{36}:/home/fsp #) .*");
      if (prompt
          && all.get(i).substring(all.get(i).indexOf('#') + 2).startsWith(command)
          && seen++ == occurrence) {
        List<String> out = new ArrayList<>();
        for (int j = i + 1;
            j < all.size()
                && !all.get(j).matches("^(\\[root@[^\\]]+\\]#|[0-9A-F-]{36}:/home/fsp #) .*");
            j++) {
          out.add(all.get(j));
        }
        return new SourceText(spec, "seed/terminal-session.txt", i + 2, subject, out);
      }
    }
    throw new IllegalArgumentException("no command " + command + " in the seed");
  }

  static SourceText seed(Spec spec, String command, String subject) {
    return seed(spec, command, subject, 0);
  }

  static SourceText text(Spec spec, String subject, String... lines) {
    return new SourceText(spec, "inline", 1, subject, List.of(lines));
  }
}
