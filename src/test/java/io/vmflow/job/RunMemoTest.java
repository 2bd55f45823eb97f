package io.vmflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vmflow.cli.VmflowMain;
import io.vmflow.parse.Hostname;
import io.vmflow.spec.Spec;
import io.vmflow.store.FactStore;
import io.vmflow.topology.Topology;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link RunMemo}: later steps read what earlier steps of the execution stored from memory, and the
 * report is the same as when every step reads the database (as a restarted run's steps do).
 */
class RunMemoTest {

  private static final Topology EMPTY = new Topology(List.of(), List.of(), List.of());

  @ParameterizedTest
  @ValueSource(strings = {"seed-fusionsphere", "lab-reply-drop", "sosreport-compute4.tar.xz"})
  void reportIsTheSameWhetherStepsReadMemoryOrTheDatabase(String sample, @TempDir Path tmp)
      throws Exception {
    Path memory = tmp.resolve("memory");
    Path database = tmp.resolve("database");
    int exit = VmflowMain.run("analyze", "samples/" + sample, "-o", memory.toString());
    System.setProperty("vmflow.memo", "false");
    try {
      // the exit status says what the findings are (1: errors, e.g. the lab's lost replies)
      assertThat(VmflowMain.run("analyze", "samples/" + sample, "-o", database.toString()))
          .isEqualTo(exit)
          .isLessThan(2);
    } finally {
      System.clearProperty("vmflow.memo");
    }
    assertThat(report(memory)).isEqualTo(report(database));
  }

  @Test
  void aValueIsKeptOnlyOnceItsTransactionCommitted() {
    RunMemo memo = new RunMemo();
    JobExecution run = execution(1);
    Topology stored = new Topology(List.of(), List.of(), List.of());
    TransactionSynchronizationManager.initSynchronization();
    try {
      memo.resultStored(run, CorrelateTasklet.RESULT, stored);
      assertThat(memo.result(run, CorrelateTasklet.RESULT, Topology.class, Optional::empty))
          .as("not committed yet")
          .isEmpty();
      TransactionSynchronizationManager.getSynchronizations()
          .forEach(TransactionSynchronization::afterCommit);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
    assertThat(memo.result(run, CorrelateTasklet.RESULT, Topology.class, () -> Optional.of(EMPTY)))
        .containsSame(stored);
    assertThat(
            memo.result(
                execution(2), CorrelateTasklet.RESULT, Topology.class, () -> Optional.of(EMPTY)))
        .as("another execution reads the database")
        .containsSame(EMPTY);
    memo.afterJob(run);
    assertThat(memo.result(run, CorrelateTasklet.RESULT, Topology.class, () -> Optional.of(EMPTY)))
        .as("dropped when the execution ends")
        .containsSame(EMPTY);
  }

  @Test
  void factsAreKeptInCatalogOrderOnlyWhenThisExecutionClearedThem() {
    RunMemo memo = new RunMemo();
    JobExecution run = execution(1);
    AtomicInteger loads = new AtomicInteger();
    memo.factStored(run, fact(3), 10);
    assertThat(memo.facts(run, () -> loaded(loads))).as("not cleared here: read").isEmpty();
    assertThat(loads).hasValue(1);
    memo.factsCleared(run);
    memo.factStored(run, fact(7), 10);
    memo.factStored(run, fact(2), 10);
    assertThat(memo.facts(run, () -> loaded(loads)))
        .extracting(FactStore.StoredFact::entrySeq)
        .containsExactly(2, 7);
    assertThat(loads).hasValue(1);
  }

  @Test
  void factsOverTheSizeCapAreReadFromTheDatabase() {
    RunMemo memo = new RunMemo();
    JobExecution run = execution(1);
    AtomicInteger loads = new AtomicInteger();
    memo.factsCleared(run);
    memo.factStored(run, fact(1), RunMemo.MAX_FACT_CHARS);
    memo.factStored(run, fact(2), 1);
    memo.factStored(run, fact(3), 1);
    assertThat(memo.facts(run, () -> loaded(loads))).isEmpty();
    assertThat(loads).hasValue(1);
  }

  private static List<FactStore.StoredFact> loaded(AtomicInteger loads) {
    loads.incrementAndGet();
    return List.of();
  }

  private static FactStore.StoredFact fact(int seq) {
    return new FactStore.StoredFact(seq, Spec.HOSTNAME, new Hostname("h" + seq));
  }

  private static JobExecution execution(long id) {
    return new JobExecution(id, new JobInstance(id, "analyzeBundleJob"), new JobParameters());
  }

  // report.json less what differs between any two runs: when it was made and where it was written
  // (the replicas' trace files cited as evidence lie in the output folder)
  private static JsonNode report(Path dir) throws java.io.IOException {
    JsonMapper json = JsonMapper.builder().build();
    String text = java.nio.file.Files.readString(dir.resolve("report.json"));
    JsonNode r = json.readTree(text.replace(dir.toString(), "OUT"));
    ((ObjectNode) r.get("run")).remove("generatedAt");
    return r;
  }
}
