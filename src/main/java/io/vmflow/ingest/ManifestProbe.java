package io.vmflow.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * What a nightly inbox file says about the collection it belongs to, read before any analysis: the
 * collector manifests inside it (nested archives too, as in a tarball of a host's tarballs) and the
 * newest entry time. Reads the file once as a stream and writes nothing; damage ends the probe with
 * what was read so far and {@code truncated} set. Sniffs by magic bytes like the walk.
 */
public final class ManifestProbe {

  private static final int MAX_DEPTH = 3;
  private static final int MAX_MANIFEST_BYTES = 1 << 20;

  /**
   * @param manifests every collector manifest found, in stream order
   * @param newestEntry the newest modification time an archive entry carries
   * @param truncated the archive ended early or was damaged (perhaps still being copied)
   */
  public record Probe(
      List<CollectManifest> manifests, Optional<Instant> newestEntry, boolean truncated) {
    public Probe {
      manifests = List.copyOf(manifests);
    }

    /** The collection time: the earliest manifest time, else the newest entry's time. */
    public Optional<Instant> collectedAt() {
      return manifests.stream()
          .flatMap(m -> m.collectedUtc().stream())
          .min(Instant::compareTo)
          .or(() -> newestEntry);
    }

    /** The collection id a responder gave ({@code --case}), if any manifest carries one. */
    public Optional<String> givenCase() {
      return manifests.stream()
          .filter(m -> m.caseGiven() && !m.caseId().isEmpty())
          .map(CollectManifest::caseId)
          .findFirst();
    }
  }

  private final List<CollectManifest> manifests = new ArrayList<>();
  private Instant newest;

  private ManifestProbe() {}

  /** Probes one regular file; an unreadable one is a probe with nothing found. */
  public static Probe probe(Path file) {
    ManifestProbe p = new ManifestProbe();
    boolean truncated = false;
    try (InputStream in = Files.newInputStream(file)) {
      if (file.getFileName().toString().equals(CollectManifest.FILE_NAME)) {
        p.manifest(in);
      } else {
        p.stream(in, 0);
      }
    } catch (IOException | RuntimeException e) {
      truncated = true;
    }
    return new Probe(p.manifests, Optional.ofNullable(p.newest), truncated);
  }

  // reads one stream (owned by the caller) at nesting depth {@code depth}
  private void stream(InputStream raw, int depth) throws IOException {
    InputStream in = new BufferedInputStream(raw);
    byte[] head = new byte[512];
    in.mark(head.length);
    int n = in.readNBytes(head, 0, head.length);
    in.reset();
    Magic magic = Magic.of(head, n);
    if (!magic.isArchive() || depth > MAX_DEPTH) {
      return;
    }
    switch (magic) {
      case TAR -> entries(new TarArchiveInputStream(in), depth);
      case ZIP -> entries(new ZipArchiveInputStream(in, "UTF-8", true, true), depth);
      case GZIP ->
          stream(
              GzipCompressorInputStream.builder()
                  .setInputStream(in)
                  .setDecompressConcatenated(true)
                  .get(),
              depth + 1);
      case XZ -> stream(new XZCompressorInputStream(in, true), depth + 1);
      case BZIP2 -> stream(new BZip2CompressorInputStream(in, true), depth + 1);
      case ZSTD -> stream(new ZstdCompressorInputStream(in), depth + 1);
      default -> {}
    }
  }

  private void manifest(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES);
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    if (!lines.isEmpty() && lines.get(0).startsWith(CollectManifest.MAGIC)) {
      manifests.add(CollectManifest.parse(lines));
    }
  }

  private void entries(ArchiveInputStream<? extends ArchiveEntry> archive, int depth)
      throws IOException {
    ArchiveEntry e;
    while ((e = archive.getNextEntry()) != null) {
      Date modified = e.getLastModifiedDate();
      if (modified != null && (newest == null || modified.toInstant().isAfter(newest))) {
        newest = modified.toInstant();
      }
      if (e.isDirectory()) {
        continue;
      }
      String name = e.getName();
      if (name.endsWith("/" + CollectManifest.FILE_NAME)
          || name.equals(CollectManifest.FILE_NAME)) {
        manifest(archive);
      } else {
        stream(new UnclosableStream(archive), depth + 1);
      }
    }
  }
}
