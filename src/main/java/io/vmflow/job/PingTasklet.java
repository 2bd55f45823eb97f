package io.vmflow.job;

import io.vmflow.model.IcmpEcho;
import io.vmflow.parse.TcpdumpText;
import io.vmflow.ping.PathLossLocaliser;
import io.vmflow.ping.PingPairer;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.store.FactStore;
import io.vmflow.store.FindingStore;
import io.vmflow.store.StageResultStore;
import io.vmflow.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * pingStep: loads the echoes seen at every capture point (the captures step's results and tcpdump
 * text facts) and the topology, has {@link PathLossLocaliser} localise loss along each VM port's
 * path, and stores its results and findings.
 */
class PingTasklet implements Tasklet {

  private static final Logger log = LoggerFactory.getLogger(PingTasklet.class);

  private final FactStore facts;
  private final FindingStore findings;
  private final StageResultStore results;
  private final RunMemo memo;

  PingTasklet(FactStore facts, FindingStore findings, StageResultStore results, RunMemo memo) {
    this.facts = facts;
    this.findings = findings;
    this.results = results;
    this.memo = memo;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    var execution = contribution.getStepExecution().getJobExecution();
    long instance = RunScope.of(execution).instanceId();
    List<PointFlowStats> seen = new ArrayList<>(CaptureResults.load(results, instance));
    List<IcmpEcho> text = new ArrayList<>();
    for (FactStore.StoredFact f : CorrelateTasklet.facts(facts, memo, execution)) {
      if (f.value() instanceof TcpdumpText t) {
        text.addAll(t.echoes());
      }
    }
    seen.addAll(PingPairer.pairAll(text));
    Topology topology = CorrelateTasklet.topology(results, memo, execution);
    PingResults pings =
        PathLossLocaliser.localise(topology, seen, CaptureResults.points(results, instance))
            .withUnplaced(seen);
    PingStage.store(results, memo, execution, pings);
    findings.replace(instance, "ping", pings.findings());
    log.info(
        "paired echoes at {} capture points and flows; {} VM ports with pings",
        seen.size(),
        pings.ports().size());
    return RepeatStatus.FINISHED;
  }
}
