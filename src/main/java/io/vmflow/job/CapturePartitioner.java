package io.vmflow.job;

import io.vmflow.ingest.ArtifactType;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.StageResultStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** One partition per capture file of the catalog, so captures are read in parallel. */
class CapturePartitioner implements Partitioner, StepExecutionListener {

  static final String SEQ = "capture.seq";
  static final String PATH = "capture.path";
  static final String ORIGIN = "capture.origin";

  private final CatalogStore catalog;
  private final StageResultStore results;
  private final ProgressHub progress;
  private long instanceId;

  CapturePartitioner(CatalogStore catalog, StageResultStore results, ProgressHub progress) {
    this.catalog = catalog;
    this.results = results;
    this.progress = progress;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    long bytes = 0;
    for (CatalogStore.Row row : catalog.list(instanceId)) {
      // a capture paired while ingest read it is not read again
      // and one ingest did not keep (its tap failed: ingest said so) cannot be
      if (row.entry().type() == ArtifactType.CAPTURE
          && java.nio.file.Files.isRegularFile(row.entry().content())
          && results
              .get(instanceId, CaptureResults.key(row.seq()), CaptureResults.All.class)
              .isEmpty()) {
        bytes += row.entry().size();
        ExecutionContext ctx = new ExecutionContext();
        ctx.putInt(SEQ, row.seq());
        ctx.putString(PATH, row.entry().content().toString());
        ctx.putString(ORIGIN, row.entry().origin());
        out.put("capture" + row.seq(), ctx);
      }
    }
    progress.count("capturesStep", bytes);
    return out;
  }
}
