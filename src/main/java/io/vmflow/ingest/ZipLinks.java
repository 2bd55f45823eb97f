package io.vmflow.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A zip marks symbolic links only in its central directory, which a streaming walk reads last. For
 * a zip file on disk the directory is read first, so its link entries are handled as links (as
 * tar's are), never as files whose content is the target path.
 */
final class ZipLinks {

  private ZipLinks() {}

  static void mark(Path file, String origin, InputWalk walk) {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    } catch (IOException e) {
      return;
    }
    if (Magic.of(head, head.length) != Magic.ZIP) {
      return;
    }
    try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
      for (ZipArchiveEntry e : Collections.list(zip.getEntries())) {
        if (e.isUnixSymlink()) {
          walk.zipLink(origin + "!/" + EntryLabels.label(e.getName()));
        }
      }
    } catch (IOException | RuntimeException e) {
      // a zip without a readable directory is walked as a stream; damage is reported there
    }
  }
}
