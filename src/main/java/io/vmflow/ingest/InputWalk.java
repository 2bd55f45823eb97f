package io.vmflow.ingest;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.spec.Spec;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The walk of one input: sniffs each stream, recurses into archives, spools artifacts and holds
 * their catalog entries until the host names of sosreport trees are known (a tar may list the
 * {@code hostname} file after the outputs it names).
 */
final class InputWalk {

  private final IngestLimits limits;
  private final Spool spool;
  private final IngestSink sink;
  private final CaptureTap tap;
  private final String rootName;
  private final List<CatalogEntry> pending = new ArrayList<>();
  private final Map<String, String> hostOfRoot = new HashMap<>();
  final AtomicLong total = new AtomicLong();

  /** Bytes read from the input files on disk: the base of the cumulative expansion ratio. */
  final AtomicLong raw = new AtomicLong();

  private final UnreadEntries unread = new UnreadEntries();

  /** Set once a limit of the whole input is reached: the rest of the input is not read. */
  private boolean stopped;

  private int entries;
  private int findings;

  InputWalk(IngestLimits limits, Spool spool, IngestSink sink, String rootName) {
    this(limits, spool, sink, CaptureTap.NONE, rootName);
  }

  InputWalk(IngestLimits limits, Spool spool, IngestSink sink, CaptureTap tap, String rootName) {
    this.limits = limits;
    this.spool = spool;
    this.sink = sink;
    this.tap = tap;
    this.rootName = rootName;
  }

  String rootName() {
    return rootName;
  }

  IngestLimits limits() {
    return limits;
  }

  boolean isStopped() {
    return stopped;
  }

  void stop() {
    stopped = true;
  }

  int entries() {
    return entries;
  }

  int findings() {
    return findings;
  }

  /** Sniffs {@code in} (owned by the caller) and handles it as what its bytes say it is. */
  void stream(InputStream in, String origin, int depth) throws IOException {
    BufferedInputStream buf = new BufferedInputStream(in, 8192);
    buf.mark(1024);
    byte[] head = buf.readNBytes(512);
    buf.reset();
    Magic magic = Magic.of(head, head.length);
    if (magic.isArchive()) {
      if (depth >= limits.maxDepth()) {
        finding(
            Severity.WARNING,
            IngestCodes.TOO_DEEP,
            "archive nested deeper than " + limits.maxDepth() + ": " + origin,
            origin);
        return;
      }
      ArchiveWalker.walk(buf, magic, origin, depth, this);
      return;
    }
    artifact(buf, magic, origin);
  }

  private void artifact(InputStream in, Magic magic, String origin) throws IOException {
    switch (magic) {
      case PCAP, PCAPNG -> {
        Spool.Spooled s;
        try (java.io.OutputStream read = tap.open(origin)) {
          s = spool(in, origin, read, !tap.replacesSpool());
        }
        add(entry(origin, s, ArtifactType.CAPTURE, Optional.empty(), "", "", "", 1));
      }
      case BINARY -> {
        unread.add(IngestCodes.UNKNOWN, "not a capture, archive or text", origin);
        drain(in);
      }
      case EMPTY -> {
        if (TextEntries.isNamed(origin)) {
          TextEntries.handle(spool(in, origin), true, origin, this);
        } else {
          unread(IngestCodes.EMPTY, "empty", origin);
          drain(in);
        }
      }
      default -> text(in, origin);
    }
  }

  // a text file is spooled only when something will read it: its sos name says what it is, or its
  // first lines are a transcript or a known command output
  private void text(InputStream in, String origin) throws IOException {
    InputStream body = in;
    if (!TextEntries.isNamed(origin)) {
      byte[] head = in.readNBytes(TextEntries.HEAD_BYTES);
      if (!TextEntries.isWanted(head)) {
        unread(IngestCodes.UNRECOGNISED_TEXT, "no known command output", origin);
        drain(in);
        return;
      }
      body = new SequenceInputStream(new ByteArrayInputStream(head), in);
    }
    LineCapStream capped = new LineCapStream(body, limits.maxLineBytes());
    Spool.Spooled s = spool(capped, origin);
    if (capped.cutLines() > 0) {
      finding(
          Finding.input(
              Severity.WARNING,
              IngestCodes.LINE_TOO_LONG,
              capped.cutLines()
                  + " line(s) longer than "
                  + limits.maxLineBytes()
                  + " bytes cut to that length ("
                  + capped.cutBytes()
                  + " bytes dropped), first at line(s) "
                  + capped.firstCut()
                  + ": "
                  + origin,
              origin,
              capped.firstCut().get(0)));
    }
    TextEntries.handle(s, s.size() == 0, origin, this);
  }

  private Spool.Spooled spool(InputStream in, String origin) throws IOException {
    return spool(in, origin, java.io.OutputStream.nullOutputStream(), true);
  }

  private Spool.Spooled spool(
      InputStream in, String origin, java.io.OutputStream also, boolean keep) throws IOException {
    Spool.Spooled s =
        keep
            ? spool.copy(in, limits.maxEntryBytes(), also)
            : spool.digest(in, limits.maxEntryBytes(), also);
    if (s.truncated()) {
      finding(
          Severity.WARNING,
          IngestCodes.ENTRY_TOO_LARGE,
          "entry larger than " + limits.maxEntryBytes() + " bytes, kept its start: " + origin,
          origin);
    }
    return s;
  }

  // an entry not read is still passed over through the budgets: skipping a compressed entry
  // decompresses it all the same, so a bomb nothing wants is cut like one that is read
  private static void drain(InputStream in) throws IOException {
    while (in.skip(1L << 30) > 0) {
      // skip reads through BudgetedStream, which counts and may stop
    }
    byte[] b = new byte[1 << 16];
    while (in.read(b) > 0) {
      // a stream whose skip gives up early
    }
  }

  /** Counts an entry nothing reads; one finding per reason lists them at the end of the input. */
  void unread(String code, String why, String origin) {
    unread.add(code, why, origin);
  }

  Spool spool() {
    return spool;
  }

  CatalogEntry entry(
      String origin,
      Spool.Spooled s,
      ArtifactType type,
      Optional<Spec> spec,
      String host,
      String subject,
      String command,
      int firstLine) {
    return new CatalogEntry(
        origin, s.size(), s.sha256(), type, spec, host, subject, command, firstLine, s.path());
  }

  void add(CatalogEntry e) throws LimitExceeded {
    if (++entries > limits.maxEntries()) {
      throw new LimitExceeded(
          IngestCodes.TOO_MANY_ENTRIES,
          "more than " + limits.maxEntries() + " entries in " + rootName);
    }
    pending.add(e);
  }

  /** A sosreport's {@code hostname} file names the host of every entry under its root. */
  void hostname(String origin, String name) {
    hostOfRoot.putIfAbsent(HostNames.rootOf(origin), name);
  }

  void finding(Severity severity, String code, String message, String origin) {
    finding(Finding.input(severity, code, message, origin, 0));
  }

  /**
   * Reports {@code f}; past {@link #SAME_CODE_LISTED} findings of one code in one input the rest
   * are counted and said in one line at the end, so a flood of hostile entries cannot flood the
   * report, the database or the heap.
   */
  void finding(Finding f) {
    int seen = perCode.merge(f.code(), 1, Integer::sum);
    if (seen > SAME_CODE_LISTED) {
      return;
    }
    findings++;
    sink.finding(f);
  }

  private static final int SAME_CODE_LISTED = 100;
  private final Map<String, Integer> perCode = new HashMap<>();

  private void sayUnlisted() {
    perCode.forEach(
        (code, n) -> {
          if (n > SAME_CODE_LISTED) {
            findings++;
            sink.finding(
                Finding.input(
                    Severity.INFO,
                    code,
                    (n - SAME_CODE_LISTED)
                        + " more findings "
                        + code
                        + " in "
                        + rootName
                        + " not listed (the first "
                        + SAME_CODE_LISTED
                        + " are)",
                    rootName,
                    0));
          }
        });
  }

  /** Names of zip entries whose central directory marks them as symbolic links. */
  private final java.util.Set<String> zipLinks = new java.util.HashSet<>();

  void zipLink(String where) {
    zipLinks.add(where);
  }

  boolean isZipLink(String where) {
    return zipLinks.contains(where);
  }

  void finish() {
    unread.findings().forEach(this::finding);
    sayUnlisted();
    for (CatalogEntry e : pending) {
      String host =
          e.host().isEmpty() ? HostNames.resolve(e.origin(), hostOfRoot, rootName) : e.host();
      sink.entry(
          new CatalogEntry(
              e.origin(),
              e.size(),
              e.sha256(),
              e.type(),
              e.spec(),
              host,
              e.subject(),
              e.command(),
              e.firstLine(),
              e.content()));
    }
    pending.clear();
  }
}
