package io.vmflow.report;

import io.vmflow.ping.PathLossLocaliser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict as plain text, {@code verdict.txt} beside the pages: what a responder pastes into a
 * ticket, and what {@code analyze} prints under the report's path. Every text from a dump has its
 * control characters replaced, so a hostile VM name cannot drive the terminal it is printed on.
 */
public final class VerdictText {

  /** The file {@link #write} writes. */
  public static final String FILE = "verdict.txt";

  private VerdictText() {}

  static void write(Verdict verdict, Path dir) throws IOException {
    Files.write(dir.resolve(FILE), lines(verdict), StandardCharsets.UTF_8);
  }

  /**
   * One block per problem (its first line "SEVERITY vm: what", then where, why, next), then what it
   * covers.
   */
  static List<String> lines(Verdict verdict) {
    List<String> out = new ArrayList<>();
    if (verdict.isClear()) {
      out.add("OK: no problem found");
    }
    for (Verdict.Line l : verdict.lines()) {
      out.add(
          l.severity()
              + " "
              + (l.vmName().isEmpty() ? "" : clean(l.vmName()) + ": ")
              + clean(l.what()));
      if (!l.where().isEmpty()) {
        out.add("  where: " + clean(l.where()));
      }
      if (!l.why().isEmpty()) {
        out.add("  why:   " + clean(l.why()));
      } else if (l.code().equals(PathLossLocaliser.PING_LOSS_LOCALISED)) {
        out.add("  why:   no finding in the dump explains it yet");
      }
      if (!l.next().isEmpty()) {
        out.add("  next:  " + clean(l.next()));
      }
    }
    out.add("covered: " + clean(verdict.covered()));
    return out;
  }

  /**
   * The first {@code problems} problems of a written verdict.txt, and a line saying how many more
   * the report has; the file's lines as they are when it has no more.
   */
  public static List<String> head(Path dir, int problems) throws IOException {
    List<String> all = Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    int seen = 0;
    for (String line : all) {
      boolean starts = !line.startsWith(" ") && !line.startsWith("covered: ");
      if (starts) {
        seen++;
      }
      if (seen <= problems && !line.startsWith("covered: ")) {
        out.add(line);
      }
    }
    if (seen > problems) {
      out.add("(" + (seen - problems) + " more in the report)");
    }
    return out;
  }

  // C0 and C1 controls (ESC, CR, …) and DEL
  private static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c < 0x20 || c >= 0x7f && c <= 0x9f ? '?' : c);
    }
    return b.toString();
  }
}
