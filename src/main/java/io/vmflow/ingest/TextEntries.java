package io.vmflow.ingest;

import io.vmflow.finding.Severity;
import io.vmflow.spec.BundleLayout;
import io.vmflow.spec.Spec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Classifies one spooled text: a sosreport {@code hostname} file, a terminal transcript (split into
 * one entry per command), or a command output recognised by its path (sos naming) or its content.
 */
public final class TextEntries {

  /** Transcripts larger than this are cataloged as plain text; real sessions are far smaller. */
  private static final long MAX_TRANSCRIPT = 16L << 20;

  /** Bytes of a nameless text read to decide whether anything will parse it. */
  static final int HEAD_BYTES = 64 << 10;

  private static final int HEAD_LINES = 400;

  /** The command of the catalog entry that holds a whole terminal transcript. */
  public static final String TRANSCRIPT = "(terminal transcript)";

  private TextEntries() {}

  static void handle(Spool.Spooled s, boolean empty, String origin, InputWalk walk)
      throws IOException {
    Optional<BundleLayout.Match> layout = BundleLayout.match(origin);
    if (layout.isPresent()
        && layout.get().spec() == Spec.HOSTNAME
        && s.size() > 0
        && s.size() < 256) {
      walk.hostname(
          origin, Files.readString(s.path(), StandardCharsets.UTF_8).trim().split("\\s")[0]);
    }
    if (empty) {
      walk.unread(IngestCodes.EMPTY, "empty", origin);
      walk.add(
          walk.entry(
              origin,
              s,
              ArtifactType.TEXT,
              layout.map(BundleLayout.Match::spec),
              "",
              layout.map(BundleLayout.Match::subject).orElse(""),
              "",
              1));
      return;
    }
    if (origin.endsWith(CollectManifest.FILE_NAME) && CollectManifest.is(origin, head(s, 1))) {
      ManifestEntries.handle(s, origin, lines(s), walk);
      return;
    }
    // a sos file name says what the output is; only nameless files are read to find out
    List<String> head = layout.isPresent() ? List.of() : head(s, HEAD_LINES);
    if (layout.isEmpty() && s.size() <= MAX_TRANSCRIPT && TranscriptSplitter.isTranscript(head)) {
      transcript(s, origin, walk);
      return;
    }
    Optional<Spec> spec = OutputKinds.detect(origin, head);
    if (spec.isEmpty() && !BundleLayout.isContext(origin)) {
      walk.unread(IngestCodes.UNRECOGNISED_TEXT, "no known command output", origin);
      return;
    }
    walk.add(
        walk.entry(
            origin,
            s,
            ArtifactType.TEXT,
            spec,
            "",
            layout.map(BundleLayout.Match::subject).orElse(""),
            "",
            1));
  }

  /** True when the entry's name alone says vmflow reads it (sos layout, context, manifest). */
  static boolean isNamed(String origin) {
    return BundleLayout.match(origin).isPresent()
        || BundleLayout.isContext(origin)
        || origin.endsWith(CollectManifest.FILE_NAME);
  }

  /**
   * True when the first {@link #HEAD_BYTES} of a nameless text are a transcript or a known command
   * output; only then is it spooled.
   */
  static boolean isWanted(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", HEAD_LINES + 1)));
    if (lines.size() > HEAD_LINES || head.length == HEAD_BYTES && lines.size() > 1) {
      lines.remove(lines.size() - 1);
    }
    return TranscriptSplitter.isTranscript(lines) || KindSniffer.sniff(lines).isPresent();
  }

  private static void transcript(Spool.Spooled s, String origin, InputWalk walk)
      throws IOException {
    // the session itself is cataloged too, without a kind, so reports can show every cited line in
    // it
    walk.add(walk.entry(origin, s, ArtifactType.TEXT, Optional.empty(), "", "", TRANSCRIPT, 1));
    List<String> lines = lines(s);
    for (TranscriptSplitter.Command c : TranscriptSplitter.split(lines)) {
      Optional<CommandSpecs.SpecCall> call = CommandSpecs.of(c.command());
      if (call.isEmpty()) {
        walk.finding(
            Severity.INFO,
            IngestCodes.TRANSCRIPT_COMMAND_UNKNOWN,
            "command not analysed: '" + c.command() + "' (line " + c.promptLine() + ")",
            origin);
        continue;
      }
      Spool.Spooled part =
          walk.spool()
              .copy(
                  String.join("\n", c.output())
                      .concat(c.output().isEmpty() ? "" : "\n")
                      .getBytes(StandardCharsets.UTF_8));
      walk.add(
          walk.entry(
              origin,
              part,
              ArtifactType.TEXT,
              Optional.of(call.get().spec()),
              c.host(),
              call.get().subject(),
              c.command(),
              c.firstLine()));
    }
  }

  private static List<String> head(Spool.Spooled s, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = reader(s)) {
      String l;
      while (out.size() < max && (l = r.readLine()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<String> lines(Spool.Spooled s) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = reader(s)) {
      String l;
      while ((l = r.readLine()) != null) {
        out.add(l);
      }
    }
    return out;
  }

  private static BufferedReader reader(Spool.Spooled s) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(
        new java.io.InputStreamReader(Files.newInputStream(s.path()), decoder));
  }
}
