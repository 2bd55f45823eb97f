package io.vmflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.finding.Finding;
import io.vmflow.spec.Spec;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every container format is read from its bytes, whatever the file is called. */
class ArchiveFormatsTest {

  private static final String BRCTL =
      "bridge name\tbridge id\t\tSTP enabled\tinterfaces\nqbr1c65142e-2a\t\t8000.4e62113fce3a\tno\t\ttap1c65142e-2a\n";

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"tar", "tar.gz", "tar.xz", "tar.bz2", "tar.zst", "zip", "gz", "xz"})
  void formatIsSniffedFromBytesNotName(String format) throws Exception {
    byte[] tar = new Archives.Tar().file("sos/sos_commands/bridge/brctl_show", BRCTL).bytes();
    byte[] data =
        switch (format) {
          case "tar" -> tar;
          case "tar.gz" -> Archives.gzip(tar);
          case "tar.xz" -> Archives.xz(tar);
          case "tar.bz2" -> compress(tar, out -> new BZip2CompressorOutputStream(out));
          case "tar.zst" -> compress(tar, out -> new ZstdCompressorOutputStream(out));
          case "zip" ->
              Archives.zip(
                  new String[] {"sos/sos_commands/bridge/brctl_show"}, new String[] {BRCTL});
          case "gz" -> Archives.gzip(BRCTL.getBytes());
          default -> Archives.xz(BRCTL.getBytes());
        };
    Path input = tmp.resolve("upload.bin");
    Files.write(input, data);
    List<CatalogEntry> entries = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    new Ingestor(IngestLimits.defaults(), tmp.resolve("work"))
        .ingest(
            List.of(input),
            new IngestSink() {
              @Override
              public void entry(CatalogEntry e) {
                entries.add(e);
              }

              @Override
              public void finding(Finding f) {
                findings.add(f);
              }
            });
    assertThat(findings).isEmpty();
    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.spec()).contains(Spec.BRCTL_SHOW);
              assertThat(e.origin()).startsWith("upload.bin!");
              assertThat(Files.readString(e.content())).isEqualTo(BRCTL);
            });
  }

  private interface Compressor {
    OutputStream wrap(OutputStream out) throws Exception;
  }

  private static byte[] compress(byte[] data, Compressor c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream o = c.wrap(out)) {
      o.write(data);
    }
    return out.toByteArray();
  }
}
