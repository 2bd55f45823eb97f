package io.vmflow.ingest;

import io.vmflow.finding.Severity;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
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
  static void walk(InputStream in, Magic magic, String origin, int depth, InputWalk walk)
      throws LimitExceeded {
    try {
      switch (magic) {
        case TAR -> entries(new TarArchiveInputStream(in), origin, depth, walk);
        case ZIP -> {
          ZipArchiveInputStream zip = new ZipArchiveInputStream(in, "UTF-8", true, true);
          entries(zip, origin, depth, walk);
        }
        default -> decompress(in, magic, origin, depth, walk);
      }
    } catch (LimitExceeded e) {
      if (e.isInputWide() && depth > 0) {
        // a limit of the whole input ends every level: the outermost archive says it once
        throw e;
      }
      if (e.isInputWide()) {
        walk.stop();
      }
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
    walk.stream(new BudgetedStream(new SmallReads(plain), raw, walk, origin), inner, depth + 1);
  }

  private static void entries(
      ArchiveInputStream<? extends ArchiveEntry> archive, String origin, int depth, InputWalk walk)
      throws IOException {
    Set<String> seen = new HashSet<>();
    String base = origin.endsWith("!") ? origin + "/" : origin + "!/";
    ArchiveEntry e;
    while ((e = archive.getNextEntry()) != null) {
      if (e.isDirectory()) {
        continue;
      }
      String name = e.getName();
      String where = base + EntryLabels.label(name);
      labelFindings(name, where, walk);
      try {
        entry(archive, e, name, where, seen, origin, depth, walk);
      } catch (RuntimeException ex) {
        if (OutputFailure.in(ex).isPresent()) {
          throw ex;
        }
        // the per-entry boundary: one entry that breaks vmflow costs that entry only
        walk.finding(
            Severity.WARNING,
            IngestCodes.ENTRY_FAILED,
            "entry could not be handled (" + ex + "); skipped: " + where,
            where);
      }
    }
  }

  private static void entry(
      ArchiveInputStream<? extends ArchiveEntry> archive,
      ArchiveEntry e,
      String name,
      String where,
      Set<String> seen,
      String origin,
      int depth,
      InputWalk walk)
      throws IOException {
    if (!EntryNames.isSafe(name)) {
      walk.finding(
          Severity.WARNING,
          IngestCodes.PATH_TRAVERSAL,
          "entry name escapes the archive: '"
              + EntryLabels.label(name)
              + "' in "
              + origin
              + "; skipped",
          where);
      return;
    }
    // commons-compress calls links and FIFOs "files" too: ask for each special kind
    if (e instanceof TarArchiveEntry t
        && (t.isSymbolicLink()
            || t.isLink()
            || t.isCharacterDevice()
            || t.isBlockDevice()
            || t.isFIFO())) {
      special(name, t.getLinkName(), where, walk);
      return;
    }
    if (e instanceof ZipArchiveEntry z && (z.isUnixSymlink() || walk.isZipLink(where))) {
      // a zip symlink's data is its target path: a link like tar's, never a file
      byte[] target = archive.readNBytes(4096);
      special(name, new String(target, StandardCharsets.UTF_8), where, walk);
      return;
    }
    if (!archive.canReadEntryData(e)) {
      walk.finding(
          Severity.INFO,
          IngestCodes.UNKNOWN,
          "cannot read entry data (encrypted or unsupported method): " + where,
          where);
      return;
    }
    if (!seen.add(where)) {
      walk.finding(
          Severity.INFO,
          IngestCodes.DUPLICATE_NAME,
          "entry name appears twice in "
              + origin
              + ": '"
              + EntryLabels.label(name)
              + "'; both kept",
          where);
    }
    InputStream data = new UnclosableStream(archive);
    if (archive instanceof ZipArchiveInputStream zip) {
      data = new BudgetedStream(data, zip::getCompressedCount, walk, where);
    }
    walk.stream(data, where, depth + 1);
  }

  private static void labelFindings(String name, String where, InputWalk walk) {
    if (EntryLabels.isCut(name)) {
      walk.finding(
          Severity.WARNING,
          IngestCodes.NAME_TOO_LONG,
          "entry name of "
              + name.length()
              + " characters shortened to "
              + EntryLabels.MAX_CHARS
              + " in reports, its middle replaced by a marker: "
              + where,
          where);
    } else if (!EntryLabels.escape(name).equals(name)) {
      walk.finding(
          Severity.INFO,
          IngestCodes.NAME_CONTROL_CHARS,
          "entry name holds control characters, shown escaped: " + where,
          where);
    }
  }

  private static void special(String name, String linkTarget, String where, InputWalk walk) {
    if (linkTarget != null && !linkTarget.isEmpty()) {
      String target = EntryLabels.label(linkTarget);
      boolean outside = !EntryNames.isSafeLink(name, target);
      walk.finding(
          outside ? Severity.WARNING : Severity.INFO,
          outside ? IngestCodes.LINK_OUTSIDE : IngestCodes.LINK_SKIPPED,
          (outside ? "link points outside the archive: '" : "link not followed: '")
              + EntryLabels.label(name)
              + "' -> '"
              + target
              + "'",
          where);
    } else {
      walk.finding(
          Severity.INFO,
          IngestCodes.SPECIAL_FILE,
          "device, FIFO or other special entry skipped: '" + EntryLabels.label(name) + "'",
          where);
    }
  }
}
