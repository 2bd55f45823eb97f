package io.vmflow.job;

import io.vmflow.ingest.ArtifactType;
import io.vmflow.store.CatalogStore;
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
  private long instanceId;

  CapturePartitioner(CatalogStore catalog) {
    this.catalog = catalog;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    instanceId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    for (CatalogStore.Row row : catalog.list(instanceId)) {
      if (row.entry().type() == ArtifactType.CAPTURE) {
        ExecutionContext ctx = new ExecutionContext();
        ctx.putInt(SEQ, row.seq());
        ctx.putString(PATH, row.entry().content().toString());
        ctx.putString(ORIGIN, row.entry().origin());
        out.put("capture" + row.seq(), ctx);
      }
    }
    return out;
  }
}
