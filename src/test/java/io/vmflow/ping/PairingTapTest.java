package io.vmflow.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.bench.GenerateIcmpCapture;
import io.vmflow.finding.Finding;
import io.vmflow.ingest.ArtifactType;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.ingest.IngestLimits;
import io.vmflow.ingest.IngestSink;
import io.vmflow.ingest.Ingestor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture paired while ingest streams it out of its archive gives what reading its spooled copy
 * gives: the same flows, points, frame counts and findings, for a large capture (many pipe chunks,
 * the writer waiting on the reader), real ones, a damaged one and one cut at the entry-size cap.
 */
class PairingTapTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/pcap");

  @Test
  void aCapturePairedAsItIsReadEqualsTheCaptureReadFromAFileAndIsNotSpooled(@TempDir Path tmp)
      throws Exception {
    Path big = tmp.resolve("tap3f1a2b4c-5d.pcap");
    GenerateIcmpCapture.main(new String[] {big.toString(), String.valueOf(24L << 20)});
    byte[] real = Files.readAllBytes(FIXTURES.resolve("tcpdump_geneve.pcap"));
    // a capture with a garbage tail: the reader stops early and the writer must not wait for it
    byte[] damaged = Arrays.copyOf(real, real.length + 5000);
    Arrays.fill(damaged, real.length, damaged.length, (byte) 0x7f);
    Path bundle = tmp.resolve("bundle.tar.gz");
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("captures/tap3f1a2b4c-5d.pcap", Files.readAllBytes(big));
    members.put("captures/qvo3f1a2b4c-5d.pcap", real);
    members.put("captures/qvb3f1a2b4c-5d.pcap", damaged);
    for (Path f : Files.newDirectoryStream(FIXTURES, "*.pcap*")) {
      members.put("fixtures/" + f.getFileName(), Files.readAllBytes(f));
    }
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(bundle));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        add(tar, m.getKey(), m.getValue());
      }
    }
    for (long cap : new long[] {IngestLimits.defaults().maxEntryBytes(), 10L << 20}) {
      IngestLimits d = IngestLimits.defaults();
      IngestLimits limits =
          new IngestLimits(d.maxTotalBytes(), cap, d.maxRatio(), d.maxEntries(), d.maxDepth());
      List<CatalogEntry> captures = new ArrayList<>();
      Path work = Files.createDirectories(tmp.resolve("work-" + cap));
      try (PairingTap tap = new PairingTap()) {
        new Ingestor(limits, work, tap)
            .ingest(
                List.of(bundle),
                new IngestSink() {
                  @Override
                  public void entry(CatalogEntry e) {
                    if (e.type() == ArtifactType.CAPTURE) {
                      captures.add(e);
                    }
                  }

                  @Override
                  public void finding(Finding f) {}
                });
        assertThat(captures).hasSizeGreaterThan(5);
        for (CatalogEntry e : captures) {
          CapturePairing.Result streamed = tap.take(e.origin()).orElseThrow();
          // the tap replaces the spool: no copy of the capture is written
          assertThat(e.content()).as(e.origin()).doesNotExist();
          byte[] member =
              members.entrySet().stream()
                  .filter(m -> e.origin().endsWith("!/" + m.getKey()))
                  .findFirst()
                  .orElseThrow()
                  .getValue();
          Path file = tmp.resolve("reread.pcap");
          Files.write(file, Arrays.copyOf(member, (int) Math.min(cap, member.length)));
          CapturePairing.Result reread = CapturePairing.pair(file, e.origin());
          assertThat(e.size()).as(e.origin()).isEqualTo(Math.min(cap, member.length));
          assertThat(streamed.stats()).as(e.origin()).isEqualTo(reread.stats());
          assertThat(streamed.points()).as(e.origin()).isEqualTo(reread.points());
          assertThat(streamed.summary()).as(e.origin()).isEqualTo(reread.summary());
          assertThat(tap.take(e.origin())).as("taken once").isEmpty();
        }
      }
      CatalogEntry large =
          captures.stream()
              .filter(e -> e.origin().endsWith("tap3f1a2b4c-5d.pcap"))
              .findFirst()
              .get();
      assertThat(large.size()).isEqualTo(Math.min(cap, Files.size(big)));
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(data.length);
    tar.putArchiveEntry(e);
    tar.write(data);
    tar.closeArchiveEntry();
  }
}
