package io.vmflow.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a nightly run into partitions for remote workers: one partition per ready collection, its
 * execution context naming the collection's files (absolute paths, as every worker mounts the inbox
 * at the same path), the rule that grouped each, their sizes and times at the scan, the output
 * folder and the manager's run. The manager {@link #prepare prepares} the collections of its run
 * just before it starts the job; one manager process runs one nightly run at a time.
 */
final class CollectionPartitioner implements Partitioner {

  static final String NAME = "collection.name";
  static final String RULE = "collection.rule";
  static final String COLLECTED_AT = "collection.collectedAt";
  static final String MEMBERS = "collection.members";
  static final String STATES = "collection.states";
  static final String OUTPUT = "nightly.output";
  static final String RUN = "nightly.run";

  // written by the worker
  static final String OUTCOME = "partition.outcome";
  static final String MESSAGE = "partition.message";
  static final String SHA = "partition.sha256";
  static final String WORKER = "partition.worker";

  /** The collections of one run and where their reports go. */
  record Plan(long runId, Path output, List<NightlyIntake.Ready> ready) {
    Plan {
      ready = List.copyOf(ready);
    }
  }

  /** One partition as a worker reads it back. */
  record Partition(long runId, Path output, NightlyIntake.Ready ready) {}

  private volatile Plan plan;

  void prepare(Plan next) {
    this.plan = next;
  }

  @Override
  public Map<String, ExecutionContext> partition(int gridSize) {
    Plan p = plan;
    if (p == null) {
      throw new IllegalStateException("no nightly run prepared its collections");
    }
    Map<String, ExecutionContext> out = new LinkedHashMap<>();
    int i = 0;
    for (NightlyIntake.Ready r : p.ready()) {
      NightlyCollections.Collection c = r.collection();
      ExecutionContext ctx = new ExecutionContext();
      ctx.putString(NAME, c.name());
      ctx.putString(RULE, c.rule());
      ctx.putString(COLLECTED_AT, c.collectedAt().map(Instant::toString).orElse(""));
      StringBuilder members = new StringBuilder();
      c.members().forEach(m -> members.append(m.rule()).append('\t').append(m.path()).append('\n'));
      ctx.putString(MEMBERS, members.toString());
      StringBuilder states = new StringBuilder();
      r.states()
          .forEach((path, state) -> states.append(state).append('\t').append(path).append('\n'));
      ctx.putString(STATES, states.toString());
      ctx.putString(OUTPUT, p.output().toString());
      ctx.putLong(RUN, p.runId());
      out.put(String.format("collection-%05d", ++i), ctx);
    }
    return out;
  }

  static Partition read(ExecutionContext ctx) {
    List<NightlyCollections.Member> members = new ArrayList<>();
    for (String[] line : lines(ctx.getString(MEMBERS))) {
      members.add(new NightlyCollections.Member(Path.of(line[1]), line[0]));
    }
    Map<String, String> states = new TreeMap<>();
    for (String[] line : lines(ctx.getString(STATES))) {
      states.put(line[1], line[0]);
    }
    String at = ctx.getString(COLLECTED_AT, "");
    NightlyCollections.Collection c =
        new NightlyCollections.Collection(
            ctx.getString(NAME),
            ctx.getString(RULE),
            at.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(at)),
            members);
    return new Partition(
        ctx.getLong(RUN), Path.of(ctx.getString(OUTPUT)), new NightlyIntake.Ready(c, states));
  }

  // "value<TAB>path" lines; a path may hold a tab, a rule or state never does
  private static List<String[]> lines(String text) {
    List<String[]> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.add(new String[] {line.substring(0, tab), line.substring(tab + 1)});
      }
    }
    return out;
  }
}
