package io.vmflow.job;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.SourceText;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collector noise, screened once before any parser (STYLE §3): an output that is only the shell's
 * or the collector's complaint instead of the command's output. Parsers then see only real output.
 * An empty output is left to the parser: for many commands (no namespaces, no FDB entries) empty is
 * a true answer.
 */
final class Screens {

  static final String COMMAND_NOT_FOUND = "COLLECTOR_COMMAND_NOT_FOUND";
  static final String NO_SUCH_FILE = "COLLECTOR_NO_SUCH_FILE";
  static final String TIMEOUT = "COLLECTOR_TIMEOUT";

  // bash: ovs-vsctl: command not found | /bin/sh: 1: nova: not found | sh: nova: not found
  private static final Pattern NOT_FOUND =
      Pattern.compile("^(?:\\S*sh: (?:\\d+: )?|)\\S+: (?:command )?not found$");
  // timeout: failed to run command 'ovs-ofctl': No such file or directory
  private static final Pattern TIMED_OUT = Pattern.compile("^timeout: failed to run command .*");
  // cat: /etc/neutron/plugin.ini: No such file or directory
  private static final Pattern NO_FILE = Pattern.compile("^\\S+: .*: No such file or directory$");

  // a complaint is the whole output: one or two lines (some shells add a usage hint)
  private static final int MAX_NOISE_LINES = 2;

  private Screens() {}

  static Optional<Finding> collectorNoise(SourceText source) {
    List<String> lines =
        source.lines().stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty() || lines.size() > MAX_NOISE_LINES) {
      return Optional.empty();
    }
    String first = lines.get(0);
    String code =
        TIMED_OUT.matcher(first).matches()
            ? TIMEOUT
            : NOT_FOUND.matcher(first).matches()
                ? COMMAND_NOT_FOUND
                : NO_FILE.matcher(first).matches() ? NO_SUCH_FILE : null;
    if (code == null) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.input(
            Severity.WARNING,
            code,
            "the collector got no output from " + source.spec().id() + ": '" + first + "'",
            source.origin(),
            source.firstLine()));
  }
}
