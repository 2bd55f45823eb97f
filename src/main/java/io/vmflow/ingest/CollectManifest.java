package io.vmflow.ingest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code vmflow-manifest.tsv} that {@code src/main/collect/vmflow-collect} writes at the root
 * of its bundle: who collected where and when, then one row per command it ran.
 *
 * <pre>
 * # vmflow-collect manifest	1
 * host	compute-01
 * collected_utc	2026-11-25T12:32:09Z
 * collector	vmflow-collect 0.1.0
 * command	output	exit	duration_ms	note
 * ovs-vsctl -t 5 show	sos_commands/openvswitch/ovs-vsctl_-t_5_show	0	12
 * virsh -r list --all	-	-	0	skipped: virsh not installed
 * </pre>
 *
 * @param caseId the collection id ({@code case} row; empty when the manifest has none)
 * @param caseGiven true when the responder gave the id ({@code --case}); a generated id names one
 *     collector invocation only and groups nothing across tarballs
 * @param badLines 1-based lines that are neither a header nor a five-column row
 */
public record CollectManifest(
    String host,
    Optional<Instant> collectedUtc,
    String collectedLocal,
    String collector,
    String mode,
    String caseId,
    boolean caseGiven,
    List<Run> runs,
    List<Integer> badLines) {

  /** The file name the collector writes. */
  public static final String FILE_NAME = "vmflow-manifest.tsv";

  static final String MAGIC = "# vmflow-collect manifest";
  private static final String COLUMNS = "command\toutput\texit\tduration_ms\tnote";

  /**
   * One command the collector ran (or did not).
   *
   * @param exit the exit status as written: a number, or {@code -} when the command did not run
   * @param line 1-based line of the row in the manifest
   */
  public record Run(
      String command, String output, String exit, long durationMs, String note, int line) {

    public Run {
      Objects.requireNonNull(command, "command");
      output = output == null ? "" : output;
      exit = exit == null ? "" : exit;
      note = note == null ? "" : note;
    }

    public boolean ran() {
      return !exit.equals("-");
    }

    /** Ran and did not exit 0; a timeout is exit 124 of coreutils' {@code timeout}. */
    public boolean failed() {
      return ran() && !exit.equals("0");
    }

    public boolean timedOut() {
      return exit.equals("124") && note.startsWith("timeout");
    }

    public boolean retried() {
      return note.startsWith("retried");
    }

    public boolean absent() {
      return note.startsWith("absent");
    }
  }

  public CollectManifest {
    host = host == null ? "" : host;
    collectedUtc = collectedUtc == null ? Optional.empty() : collectedUtc;
    collectedLocal = collectedLocal == null ? "" : collectedLocal;
    collector = collector == null ? "" : collector;
    mode = mode == null ? "" : mode;
    caseId = caseId == null ? "" : caseId;
    runs = List.copyOf(runs);
    badLines = List.copyOf(badLines);
  }

  /** Whether a file is a collector manifest: its name and its first line say so. */
  public static boolean is(String origin, List<String> head) {
    String name = origin.substring(Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('!')) + 1);
    return name.equals(FILE_NAME) && !head.isEmpty() && head.get(0).startsWith(MAGIC);
  }

  public static CollectManifest parse(List<String> lines) {
    String host = "";
    Optional<Instant> utc = Optional.empty();
    String local = "";
    String collector = "";
    String mode = "";
    String caseId = "";
    boolean caseGiven = false;
    List<Run> runs = new ArrayList<>();
    List<Integer> bad = new ArrayList<>();
    boolean table = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      if (l.equals(COLUMNS)) {
        table = true;
        continue;
      }
      String[] f = l.split("\t", -1);
      if (table) {
        if (f.length != 5) {
          bad.add(i + 1);
          continue;
        }
        runs.add(new Run(f[0], f[1], f[2], millis(f[3]), f[4], i + 1));
        continue;
      }
      if (f.length < 2) {
        bad.add(i + 1);
        continue;
      }
      switch (f[0]) {
        case "host" -> host = f[1];
        case "collected_utc" -> utc = instant(f[1]);
        case "collected_local" -> local = f[1];
        case "collector" -> collector = f[1];
        case "mode" -> mode = f[1];
        case "case" -> caseId = f[1].trim();
        case "case_source" -> caseGiven = f[1].trim().equals("given");
        default -> {} // fqdn, machine_id, tool versions: shown to people, not needed here
      }
    }
    return new CollectManifest(host, utc, local, collector, mode, caseId, caseGiven, runs, bad);
  }

  public List<Run> failed() {
    return runs.stream().filter(r -> r.failed() || !r.ran()).toList();
  }

  private static long millis(String s) {
    return s.matches("\\d{1,15}") ? Long.parseLong(s) : 0;
  }

  private static Optional<Instant> instant(String s) {
    try {
      return Optional.of(Instant.parse(s.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
