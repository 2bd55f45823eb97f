package io.vmflow.job;

import io.vmflow.store.FactStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the steps of one job execution stored, kept as the objects they stored, so that the later
 * steps of the same execution read them back without the JSON round trip: building Jackson's
 * mapping of each fact and result type by reflection, once per process, was a fifth of a small
 * run's job time, and the JSON stored is what was written. The database stays the record: every
 * value is stored as before, and a value is kept here only once the transaction that stored it has
 * committed; a restarted execution starts with nothing kept and reads the database, as does any
 * read of something this execution did not store itself (e.g. the facts of a run that resumed after
 * the parse step). Kept until the execution ends; facts only while their JSON totals under {@link
 * #MAX_FACT_CHARS} (a large dump's facts are read from the database step by step, as before,
 * instead of held through the job). {@code -Dvmflow.memo=false} turns it off.
 */
final class RunMemo implements JobExecutionListener {

  /** The JSON size up to which an execution's facts are kept. */
  static final long MAX_FACT_CHARS = 4L << 20;

  private final Map<Long, Kept> byExecution = new ConcurrentHashMap<>();

  private static final class Kept {
    // the execution's facts by catalog position, once ingest cleared the stored ones; null when
    // not known here (not cleared in this execution, or over the size cap)
    private TreeMap<Integer, FactStore.StoredFact> facts;
    private long factChars;
    private boolean factsDropped;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
  }

  @Override
  public void afterJob(JobExecution execution) {
    byExecution.remove(execution.getId());
  }

  /** Ingest cleared the instance's stored facts: from now on this execution knows them all. */
  void factsCleared(JobExecution execution) {
    Kept k = kept(execution);
    if (k == null) {
      return;
    }
    afterCommit(
        () -> {
          synchronized (k) {
            k.facts = k.factsDropped ? null : new TreeMap<>();
            k.factChars = 0;
          }
        });
  }

  /** One fact was stored ({@code chars}: the size of its stored JSON). */
  void factStored(JobExecution execution, FactStore.StoredFact fact, long chars) {
    Kept k = kept(execution);
    if (k == null) {
      return;
    }
    afterCommit(
        () -> {
          synchronized (k) {
            if (k.facts == null) {
              return;
            }
            k.factChars += chars;
            if (k.factChars > MAX_FACT_CHARS) {
              k.facts = null;
              k.factsDropped = true;
            } else {
              k.facts.put(fact.entrySeq(), fact);
            }
          }
        });
  }

  /** The execution's facts in catalog order: as stored by it, or else {@code load}'s. */
  List<FactStore.StoredFact> facts(
      JobExecution execution, Supplier<List<FactStore.StoredFact>> load) {
    Kept k = kept(execution);
    if (k != null) {
      synchronized (k) {
        if (k.facts != null) {
          return List.copyOf(new ArrayList<>(k.facts.values()));
        }
      }
    }
    return load.get();
  }

  /** A stage result of {@code kind} was stored. */
  void resultStored(JobExecution execution, String kind, Object value) {
    Kept k = kept(execution);
    if (k != null) {
      afterCommit(() -> k.results.put(kind, value));
    }
  }

  /** The stage result of {@code kind}: as stored by this execution, or else {@code load}'s. */
  <T> Optional<T> result(
      JobExecution execution, String kind, Class<T> type, Supplier<Optional<T>> load) {
    Kept k = kept(execution);
    Object v = k == null ? null : k.results.get(kind);
    return type.isInstance(v) ? Optional.of(type.cast(v)) : load.get();
  }

  private Kept kept(JobExecution execution) {
    if ("false".equals(System.getProperty("vmflow.memo"))) {
      return null;
    }
    return byExecution.computeIfAbsent(execution.getId(), id -> new Kept());
  }

  // a value is kept only once what stored it is committed: a chunk or tasklet rolled back leaves
  // nothing here that the database does not hold
  private static void afterCommit(Runnable r) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      r.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            r.run();
          }
        });
  }
}
