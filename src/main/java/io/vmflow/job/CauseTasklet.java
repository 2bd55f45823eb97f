package io.vmflow.job;

import io.vmflow.cause.Causes;
import io.vmflow.finding.Finding;
import io.vmflow.ingest.CatalogEntry;
import io.vmflow.store.CatalogStore;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Topology;
import io.vmflow.trace.Tracer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * causeStep: why the packets die. Flows, firewall rules and MTUs of each loss segment's devices,
 * and the check stage's findings on them, linked to the loss they explain (the {@code causes} stage
 * result, read by the render step).
 */
class CauseTasklet implements Tasklet {

  static final String RESULT = "causes";
  private static final Logger log = LoggerFactory.getLogger(CauseTasklet.class);

  private final CatalogStore catalog;
  private final FactStore facts;
  private final FindingStore findings;
  private final StageResultStore results;
  private final RunMemo memo;

  CauseTasklet(
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

  /** Stored form of the links. */
  record Links(List<io.vmflow.cause.LossCause> links) {}

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var execution = contribution.getStepExecution().getJobExecution();
    RunScope run = RunScope.of(execution);
    long instance = run.instanceId();
    Map<Integer, CatalogEntry> entries =
        catalog.list(instance).stream()
            .collect(Collectors.toMap(CatalogStore.Row::seq, CatalogStore.Row::entry, (a, b) -> a));
    List<Fact> input =
        CorrelateTasklet.facts(facts, memo, execution).stream()
            .map(
                f -> {
                  CatalogEntry e = entries.get(f.entrySeq());
                  return new Fact(e.host(), f.spec(), e.origin(), e.subject(), f.value());
                })
            .toList();
    Topology topology = CorrelateTasklet.topology(results, memo, execution);
    List<Finding> earlier =
        findings.list(instance).stream().filter(f -> !f.code().startsWith("PING_")).toList();
    List<io.vmflow.ping.LossCase> losses = PingStage.load(results, memo, execution).cases();
    long t0 = System.nanoTime();
    Tracer.Result traced =
        Tracer.trace(
            run.output().resolve(".vmflow").resolve("replica"),
            topology,
            input,
            losses,
            Duration.ofSeconds(20));
    if (!traced.millis().isEmpty()) {
      log.info(
          "replicas took {} ms: {}",
          (System.nanoTime() - t0) / 1_000_000,
          traced.millis().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    List<Finding> known = new ArrayList<>(earlier);
    known.addAll(traced.findings());
    Causes.Result r = Causes.explain(topology, input, known, losses);
    List<Finding> all = new ArrayList<>(traced.findings());
    all.addAll(r.findings());
    findings.replace(instance, "cause", all);
    Links links = new Links(r.links());
    results.put(instance, RESULT, links);
    memo.resultStored(execution, RESULT, links);
    log.info(
        "explained {} losses ({} traced on replicas): {} with a cause; {} cause findings",
        r.links().size(),
        traced.traces(),
        r.links().stream().filter(l -> !l.causes().isEmpty()).count(),
        r.findings().size());
    return RepeatStatus.FINISHED;
  }

  static List<io.vmflow.cause.LossCause> links(
      StageResultStore results, RunMemo memo, JobExecution execution) {
    long instance = execution.getJobInstance().getInstanceId();
    return memo.result(
            execution, RESULT, Links.class, () -> results.get(instance, RESULT, Links.class))
        .map(Links::links)
        .orElse(List.of());
  }

  static List<io.vmflow.cause.LossCause> links(StageResultStore results, long instance) {
    return results.get(instance, RESULT, Links.class).map(Links::links).orElse(List.of());
  }
}
