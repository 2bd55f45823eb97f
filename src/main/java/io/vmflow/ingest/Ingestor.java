package io.vmflow.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of the ingest stage: walks the inputs and reports every artifact to a sink.
 */
public final class Ingestor {

  private final IngestLimits limits;
  private final Path workDir;

  /**
   * @param workDir folder inside the output folder where entries are spooled by content hash; the
   *     only place ingest writes
   */
  public Ingestor(IngestLimits limits, Path workDir) {
    this.limits = limits;
    this.workDir = workDir;
  }

  public void ingest(List<Path> inputs, IngestSink sink) {
    throw new UnsupportedOperationException("ingest not built yet");
  }
}
