package io.vmflow.job;

import io.vmflow.finding.Evidence;
import io.vmflow.parse.CommandParser;
import io.vmflow.parse.ParserRegistry;
import io.vmflow.ping.PingResults;
import io.vmflow.spec.Spec;
import io.vmflow.store.JsonCodec;
import io.vmflow.topology.Topology;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work every {@code analyze} does on first use, done ahead on a second thread while the command
 * line is read and the Spring context starts (about a second in which the machine's other core is
 * idle): the logging set-up, the JSON mappings of the facts and stage results the steps store and
 * read back (Jackson builds each type's mapping once, by reflection: a fifth of a small run's time
 * on the job's thread), the parsers' patterns, and the report's template engine and JSON mapping.
 * Everything is built into the caches the steps use (the mappers', the shared template engine), so
 * it is never built twice and no output changes; a failure here is logged at DEBUG and the step
 * builds it as before. Off unless {@code -Dvmflow.warmup=true}: on the shared 2-core machine (load
 * 1.5) it gained no wall time on the seed sample (3.33 s against 3.28 s, medians of 4) and cost 0.6
 * s of CPU; to be measured on a quiet machine before it is turned on.
 */
public final class Warmup {

  private Warmup() {}

  // not a field of Warmup: the command's thread loads Warmup to start it, and the first logger
  // sets up logging (reading logback.xml), which is itself work for the warm-up thread
  private static final class Log {
    static final Logger log = LoggerFactory.getLogger(Warmup.class);
  }

  /** Starts the warm-up on a daemon thread when {@code vmflow.warmup} is {@code true}. */
  public static void start() {
    if (!Boolean.getBoolean("vmflow.warmup")) {
      return;
    }
    Thread t = new Thread(Warmup::run, "vmflow-warmup");
    t.setDaemon(true);
    t.start();
  }

  /** Runs the warm-up on this thread; returns how many of its items failed. */
  static int run() {
    long start = System.nanoTime();
    Logger log = Log.log;
    // in the order the steps need them: parse and correlate, then check/ping/cause, then render
    List<Class<?>> stored = new ArrayList<>();
    for (Spec spec : Spec.values()) {
      ParserRegistry.parserFor(spec).map(CommandParser::type).ifPresent(stored::add);
    }
    stored.add(Topology.class);
    stored.add(Evidence[].class);
    stored.add(PingResults.class);
    stored.add(CaptureResults.All.class);
    stored.add(CauseTasklet.Links.class);
    int types = 0;
    int failed = 0;
    for (Class<?> type : reachable(stored)) {
      types++;
      failed += attempt(() -> JsonCodec.prepare(type), type.getName());
    }
    failed += attempt(StagedReport::prepare, "report");
    log.debug("warm-up: {} types in {} ms", types, (System.nanoTime() - start) / 1_000_000);
    return failed;
  }

  private static int attempt(Runnable r, String what) {
    try {
      r.run();
      return 0;
    } catch (RuntimeException | LinkageError e) {
      Log.log.debug("warm-up of {} failed; the step does it itself", what, e);
      return 1;
    }
  }

  /**
   * The vmflow types reachable from {@code roots} through record components, collection and
   * optional element types, array components and a sealed interface's permitted classes; roots
   * first, each type once.
   */
  static Set<Class<?>> reachable(List<Class<?>> roots) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    Deque<Type> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Type t = todo.poll();
      if (t instanceof ParameterizedType p) {
        todo.addAll(List.of(p.getActualTypeArguments()));
        todo.add(p.getRawType());
      } else if (t instanceof GenericArrayType a) {
        todo.add(a.getGenericComponentType());
      } else if (t instanceof WildcardType w) {
        todo.addAll(List.of(w.getUpperBounds()));
      } else if (t instanceof Class<?> c) {
        if (c.isArray()) {
          todo.add(c.getComponentType());
          if (ours(c.getComponentType())) {
            seen.add(c);
          }
        } else if (ours(c) && seen.add(c)) {
          if (c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
              todo.add(rc.getGenericType());
            }
          }
          Optional.ofNullable(c.getPermittedSubclasses()).map(List::of).ifPresent(todo::addAll);
        }
      }
    }
    return seen;
  }

  private static boolean ours(Class<?> c) {
    return !c.isPrimitive() && c.getName().startsWith("io.vmflow.");
  }
}
