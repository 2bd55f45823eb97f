package io.vmflow.ingest;

import io.vmflow.finding.Severity;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Streams through compressed files and tar/zip archives without extracting them: each entry is
 * handed back to {@link InputWalk#stream} under the origin {@code archive!/entry}. Entry names are
 * only ever used as labels.
 */
final class ArchiveWalker {

  private ArchiveWalker() {}

  /** Walks {@code in} (owned by the caller). Damage and limits end the archive with a finding. */
  static void walk(InputStream in, Magic magic, String origin, int depth, InputWalk walk) {
    try {
      switch (magic) {
        case TAR -> entries(new TarArchiveInputStream(in), origin, depth, walk);
        case ZIP ->
            entries(new ZipArchiveInputStream(in, "UTF-8", true, true), origin, depth, walk);
        default -> decompress(in, magic, origin, depth, walk);
      }
    } catch (LimitExceeded e) {
      walk.finding(
          Severity.ERROR, e.code(), e.getMessage() + "; rest of " + origin + " skipped", origin);
    } catch (EOFException e) {
      walk.finding(
          Severity.WARNING,
          IngestCodes.TRUNCATED,
          "truncated: " + origin + " ends early; everything before the damage is kept",
          origin);
    } catch (IOException | RuntimeException e) {
      walk.finding(
          Severity.WARNING,
          IngestCodes.TRUNCATED,
          "damaged: " + origin + " (" + e.getMessage() + "); everything before the damage is kept",
          origin);
    }
  }

  private static void decompress(
      InputStream in, Magic magic, String origin, int depth, InputWalk walk) throws IOException {
    AtomicLong raw = new AtomicLong();
    InputStream counted = new CountingStream(in, raw);
    InputStream plain =
        switch (magic) {
          case GZIP ->
              GzipCompressorInputStream.builder()
                  .setInputStream(counted)
                  .setDecompressConcatenated(true)
                  .get();
          case XZ -> new XZCompressorInputStream(counted, true);
          case BZIP2 -> new BZip2CompressorInputStream(counted, true);
          case ZSTD -> new ZstdCompressorInputStream(counted);
          default -> throw new IllegalStateException("not a compressor: " + magic);
        };
    String inner = origin.endsWith("!") ? origin : origin + "!";
    walk.stream(
        new BudgetedStream(new SmallReads(plain), raw, walk.total, walk.limits(), origin),
        inner,
        depth + 1);
  }

  private static void entries(
      ArchiveInputStream<? extends ArchiveEntry> archive, String origin, int depth, InputWalk walk)
      throws IOException {
    Set<String> seen = new HashSet<>();
    String base = origin.endsWith("!") ? origin + "/" : origin + "!/";
    ArchiveEntry e;
    while ((e = archive.getNextEntry()) != null) {
      String name = e.getName();
      String where = base + name;
      if (e.isDirectory()) {
        continue;
      }
      if (!EntryNames.isSafe(name)) {
        walk.finding(
            Severity.WARNING,
            IngestCodes.PATH_TRAVERSAL,
            "entry name escapes the archive: '" + name + "' in " + origin + "; skipped",
            where);
        continue;
      }
      // commons-compress calls links and FIFOs "files" too: ask for each special kind
      if (e instanceof TarArchiveEntry t
          && (t.isSymbolicLink()
              || t.isLink()
              || t.isCharacterDevice()
              || t.isBlockDevice()
              || t.isFIFO())) {
        special(t, name, where, walk);
        continue;
      }
      if (!archive.canReadEntryData(e)) {
        walk.finding(
            Severity.INFO,
            IngestCodes.UNKNOWN,
            "cannot read entry data (encrypted or unsupported method): " + where,
            where);
        continue;
      }
      if (!seen.add(name)) {
        walk.finding(
            Severity.INFO,
            IngestCodes.DUPLICATE_NAME,
            "entry name appears twice in " + origin + ": '" + name + "'; both kept",
            where);
      }
      walk.stream(new UnclosableStream(archive), where, depth + 1);
    }
  }

  private static void special(TarArchiveEntry t, String name, String where, InputWalk walk) {
    if (t.isSymbolicLink() || t.isLink()) {
      String target = t.getLinkName();
      boolean outside = !EntryNames.isSafeLink(name, target);
      walk.finding(
          outside ? Severity.WARNING : Severity.INFO,
          outside ? IngestCodes.LINK_OUTSIDE : IngestCodes.LINK_SKIPPED,
          (outside ? "link points outside the archive: '" : "link not followed: '")
              + name
              + "' -> '"
              + target
              + "'",
          where);
    } else {
      walk.finding(
          Severity.INFO,
          IngestCodes.SPECIAL_FILE,
          "device, FIFO or other special entry skipped: '" + name + "'",
          where);
    }
  }
}
