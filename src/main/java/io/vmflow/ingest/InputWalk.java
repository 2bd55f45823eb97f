package io.vmflow.ingest;

import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.spec.Spec;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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
  private final String rootName;
  private final List<CatalogEntry> pending = new ArrayList<>();
  private final Map<String, String> hostOfRoot = new HashMap<>();
  final AtomicLong total = new AtomicLong();
  private int entries;
  private int findings;

  InputWalk(IngestLimits limits, Spool spool, IngestSink sink, String rootName) {
    this.limits = limits;
    this.spool = spool;
    this.sink = sink;
    this.rootName = rootName;
  }

  String rootName() {
    return rootName;
  }

  IngestLimits limits() {
    return limits;
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
    Spool.Spooled s = spool.copy(in, limits.maxEntryBytes());
    if (s.truncated()) {
      finding(
          Severity.WARNING,
          IngestCodes.ENTRY_TOO_LARGE,
          "entry larger than " + limits.maxEntryBytes() + " bytes, kept its start: " + origin,
          origin);
    }
    switch (magic) {
      case PCAP, PCAPNG ->
          add(entry(origin, s, ArtifactType.CAPTURE, Optional.empty(), "", "", "", 1));
      case BINARY -> {
        finding(
            Severity.INFO,
            IngestCodes.UNKNOWN,
            "not a capture, archive or text; skipped: " + origin,
            origin);
        add(entry(origin, s, ArtifactType.UNKNOWN, Optional.empty(), "", "", "", 1));
      }
      default -> TextEntries.handle(s, magic == Magic.EMPTY, origin, this);
    }
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
    findings++;
    sink.finding(Finding.input(severity, code, message, origin, 0));
  }

  void finding(Finding f) {
    findings++;
    sink.finding(f);
  }

  void finish() {
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
