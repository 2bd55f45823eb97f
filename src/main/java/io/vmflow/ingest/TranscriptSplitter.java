package io.vmflow.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a saved shell session (prompt, command, output, next prompt, ...) into one piece per
 * command. The prompt's host becomes the piece's host.
 */
final class TranscriptSplitter {

  /** One command of a transcript: where its output starts and its output lines. */
  record Command(String host, String command, int promptLine, int firstLine, List<String> output) {}

  // [root@host-10-0-0-107 ~]# nohup ping 10.0.0.17 &   (RHEL/CentOS bash)
  private static final Pattern BRACKET =
      Pattern.compile(
          "^\\[(?<user>[\\w.-]+)@(?<host>[\\w.-]+)(?:\\s[^\\]]*)?\\]\\s?[#$]\\s?(?<cmd>.*)$");

  // 68569C29-D21D-B211-BB45-0018E1C5D866:/home/fsp # brctl show   (FusionSphere, SUSE: host:path #)
  // compute-1:~ # ovs-vsctl show
  private static final Pattern HOST_PATH =
      Pattern.compile(
          "^(?<host>[A-Za-z0-9][\\w.-]*):(?<path>[~/][^\\s#$>]*)\\s?[#$>]\\s?(?<cmd>.*)$");

  // stack@devstack:~/devstack$ openstack server list   (Debian/Ubuntu bash)
  private static final Pattern USER_HOST =
      Pattern.compile(
          "^(?<user>[\\w.-]+)@(?<host>[\\w.-]+):(?<path>[^\\s#$]*)\\s?[#$]\\s?(?<cmd>.*)$");

  // $ ovs-vsctl show   /   # brctl show   (bare prompt, host unknown)
  private static final Pattern BARE = Pattern.compile("^[#$]\\s(?<cmd>[a-z./].*)$");

  private TranscriptSplitter() {}

  /** The prompt on {@code line}: host ("" when the prompt shows none) and command. */
  static Optional<String[]> prompt(String line) {
    for (Pattern p : new Pattern[] {BRACKET, HOST_PATH, USER_HOST}) {
      Matcher m = p.matcher(line);
      if (m.matches()) {
        return Optional.of(new String[] {m.group("host"), m.group("cmd").trim()});
      }
    }
    Matcher m = BARE.matcher(line);
    if (m.matches() && CommandSpecs.of(m.group("cmd")).isPresent()) {
      return Optional.of(new String[] {"", m.group("cmd").trim()});
    }
    return Optional.empty();
  }

  /**
   * True when the text reads like a shell session: a prompt with a known command, and the prompt
   * lines are not the whole text.
   */
  static boolean isTranscript(List<String> lines) {
    int prompts = 0;
    boolean known = false;
    for (String l : lines) {
      Optional<String[]> p = prompt(l);
      if (p.isPresent()) {
        prompts++;
        known |= CommandSpecs.of(p.get()[1]).isPresent();
      }
    }
    return known && prompts > 0;
  }

  static List<Command> split(List<String> lines) {
    List<Command> out = new ArrayList<>();
    int i = 0;
    while (i < lines.size() && prompt(lines.get(i)).isEmpty()) {
      i++;
    }
    while (i < lines.size()) {
      String[] p = prompt(lines.get(i)).orElseThrow();
      int start = i + 1;
      int end = start;
      while (end < lines.size() && prompt(lines.get(end)).isEmpty()) {
        end++;
      }
      int last = end;
      while (last > start && lines.get(last - 1).isBlank()) {
        last--;
      }
      out.add(new Command(p[0], p[1], i + 1, start + 1, List.copyOf(lines.subList(start, last))));
      i = end;
    }
    return out;
  }
}
