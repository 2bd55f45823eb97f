package io.vmflow.bench;

import io.vmflow.finding.Finding;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.ingest.IngestLimits;
import io.vmflow.ingest.IngestSink;
import io.vmflow.ingest.Ingestor;
import java.nio.file.Path;
import java.util.List;

/**
 * Benchmark, not a test: the ingest stage alone on one input (walk, decompress, sniff, hash and
 * spool every entry), to time against {@code tar -xzf} of the same file.
 *
 * <pre>
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) io.vmflow.bench.IngestBundle /tmp/bench/bundle-1g.tgz /tmp/bench/work
 * </pre>
 */
public final class IngestBundle {

  private IngestBundle() {}

  public static void main(String[] args) {
    long[] counts = new long[3];
    new Ingestor(IngestLimits.defaults(), Path.of(args[1]))
        .ingest(
            List.of(Path.of(args[0])),
            new IngestSink() {
              @Override
              public void entry(CatalogEntry entry) {
                counts[0]++;
                counts[1] += entry.size();
              }

              @Override
              public void finding(Finding finding) {
                counts[2]++;
              }
            });
    System.out.println(counts[0] + " entries, " + counts[1] + " bytes, " + counts[2] + " findings");
  }
}
