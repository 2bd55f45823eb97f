package io.vmflow.job;

import io.vmflow.ingest.CatalogEntry;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.topology.TopologyBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** correlateStep: stored facts in, topology out (stored as the {@code topology} stage result). */
class CorrelateTasklet implements Tasklet {

  static final String RESULT = "topology";
  private static final Logger log = LoggerFactory.getLogger(CorrelateTasklet.class);

  private final CatalogStore catalog;
  private final FactStore facts;
  private final FindingStore findings;
  private final StageResultStore results;
  private final RunMemo memo;

  CorrelateTasklet(
      CatalogStore catalog,
      FactStore facts,
      FindingStore findings,
      StageResultStore results,
      RunMemo memo) {
    this.catalog = catalog;
    this.facts = facts;
    this.findings = findings;
    this.results = results;
    this.memo = memo;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    JobExecution execution = contribution.getStepExecution().getJobExecution();
    long instance = RunScope.of(execution).instanceId();
    Map<Integer, CatalogEntry> entries =
        catalog.list(instance).stream()
            .collect(Collectors.toMap(CatalogStore.Row::seq, CatalogStore.Row::entry, (a, b) -> a));
    List<Fact> input =
        facts(facts, memo, execution).stream()
            .map(f -> toFact(entries.get(f.entrySeq()), f))
            .toList();
    Topology topology = TopologyBuilder.build(input);
    results.put(instance, RESULT, topology);
    memo.resultStored(execution, RESULT, topology);
    findings.replace(instance, "correlate", topology.findings().stream().toList());
    log.info(
        "correlated {} facts: {} hosts, {} VMs",
        input.size(),
        topology.hosts().size(),
        topology.vms().size());
    return RepeatStatus.FINISHED;
  }

  private static Fact toFact(CatalogEntry e, FactStore.StoredFact f) {
    return new Fact(e.host(), f.spec(), e.origin(), e.subject(), f.value());
  }

  /** The execution's stored facts, in catalog order. */
  static List<FactStore.StoredFact> facts(FactStore facts, RunMemo memo, JobExecution execution) {
    long instance = execution.getJobInstance().getInstanceId();
    return memo.facts(execution, () -> facts.list(instance));
  }

  /** The topology the correlate step of this execution's instance stored. */
  static Topology topology(StageResultStore results, RunMemo memo, JobExecution execution) {
    long instance = execution.getJobInstance().getInstanceId();
    return memo.result(
            execution, RESULT, Topology.class, () -> results.get(instance, RESULT, Topology.class))
        .orElse(new Topology(List.of(), List.of(), List.of()));
  }

  static Function<Long, Topology> loader(StageResultStore results) {
    return instance ->
        results
            .get(instance, RESULT, Topology.class)
            .orElse(new Topology(List.of(), List.of(), List.of()));
  }
}
