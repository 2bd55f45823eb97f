package io.vmflow.job;

import io.vmflow.ingest.ArtifactType;
import io.vmflow.store.CatalogStore;
import java.util.List;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the catalog's text entries that have a known spec, in catalog order, each distinct content
 * once. Its position is saved in the step's execution context, so a restarted parse step resumes
 * after the last committed chunk.
 */
class CatalogRowReader implements ItemStreamReader<CatalogStore.Row>, StepExecutionListener {

  private static final String POSITION = "parse.position";

  private final CatalogStore catalog;
  private List<CatalogStore.Row> rows = List.of();
  private int position;

  CatalogRowReader(CatalogStore catalog) {
    this.catalog = catalog;
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    long instance = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    // the same output collected twice (a copy of a bundle, a command run twice) is parsed once
    java.util.Set<String> seen = new java.util.HashSet<>();
    rows =
        catalog.list(instance).stream()
            .filter(r -> r.entry().type() == ArtifactType.TEXT && r.entry().spec().isPresent())
            .filter(
                r ->
                    seen.add(
                        r.entry().sha256()
                            + "|"
                            + r.entry().spec().get()
                            + "|"
                            + r.entry().subject()
                            + "|"
                            + r.entry().host()))
            .toList();
  }

  @Override
  public void open(ExecutionContext context) {
    position = context.getInt(POSITION, 0);
  }

  @Override
  public void update(ExecutionContext context) {
    context.putInt(POSITION, position);
  }

  @Override
  public CatalogStore.Row read() {
    return position < rows.size() ? rows.get(position++) : null;
  }
}
