package io.vmflow.trace;

import io.vmflow.finding.Finding;
import io.vmflow.ping.LossCase;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The hosts' replicas of one run. The loss hosts' replicas are built at once, {@link #THREADS} at a
 * time ({@link #prepare}: most of a build is waiting for OVS processes, and the machines have two
 * cores); a host a trace reaches only through a tunnel is built when it first does. All are stopped
 * together on {@link #close}. At most {@link #MAX_OPEN} run at once: the one used longest ago is
 * stopped to make room (a trace needs two at a time, the host it leaves and the one it enters). A
 * host whose replica fails is tried once. Each replica loads only the bridges a trace can reach
 * ({@link BridgeReach}).
 */
final class Replicas implements AutoCloseable {

  static final int MAX_OPEN = 4;
  static final int THREADS = 2;

  private final OvsBinaries bin;
  private final Path root;
  private final Topology topology;
  private final List<Fact> facts;
  private final List<LossCase> losses;
  private final Duration limit;
  private final List<Finding> out;
  private final Map<String, HostReplica> open = new LinkedHashMap<>(8, 0.75f, true);
  private final Map<String, Future<HostReplica>> building = new LinkedHashMap<>();
  private final List<HostReplica> all = new ArrayList<>();
  private final ExecutorService pool;
  private int started;
  private final Set<String> failed = new HashSet<>();

  Replicas(
      OvsBinaries bin,
      Path root,
      Topology topology,
      List<Fact> facts,
      List<LossCase> losses,
      Duration limit,
      List<Finding> out) {
    this.bin = bin;
    this.root = root;
    this.topology = topology;
    this.facts = facts;
    this.losses = losses;
    this.limit = limit;
    this.out = out;
    this.pool =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "vmflow-replica-build");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts building the replicas of these hosts (at most {@link #MAX_OPEN}), in the background. */
  void prepare(List<String> hostKeys) {
    for (String hostKey : hostKeys) {
      String key = hostKey.toLowerCase(Locale.ROOT);
      if (building.size() >= MAX_OPEN) {
        return;
      }
      Host host = topology.host(hostKey).orElse(null);
      // a host with no OVS bridge a trace can reach has nothing to replicate
      if (host != null && !building.containsKey(key) && !BridgeReach.of(host, losses).isEmpty()) {
        building.put(key, submit(host));
      }
    }
  }

  private Future<HostReplica> submit(Host host) {
    Path dir = root.resolve("host-" + started++);
    Set<String> load = BridgeReach.of(host, losses);
    return pool.submit(() -> HostReplica.start(bin, dir, host, load, facts, limit));
  }

  /** The host's loaded replica, started now if it is not running; empty when it cannot be. */
  Optional<HostReplica> get(String hostKey) {
    String key = hostKey.toLowerCase(Locale.ROOT);
    HostReplica h = open.get(key);
    if (h != null) {
      return Optional.of(h);
    }
    Host host = topology.host(hostKey).orElse(null);
    if (host == null || failed.contains(key)) {
      return Optional.empty();
    }
    Future<HostReplica> f = building.remove(key);
    if (open.size() + building.size() >= MAX_OPEN && !open.isEmpty()) {
      Iterator<HostReplica> eldest = open.values().iterator();
      eldest.next().close();
      eldest.remove();
    }
    // a fresh folder (and database) for each start, a host started again included
    try {
      h = (f != null ? f : submit(host)).get();
      all.add(h);
      out.addAll(h.findings);
      open.put(key, h);
      return Optional.of(h);
    } catch (ExecutionException x) {
      failed.add(key);
      Throwable why = x.getCause();
      if (!(why instanceof ReplicaFailure || why instanceof IOException)) {
        throw new IllegalStateException("replica of " + host.key() + " failed", why);
      }
      out.add(TraceFindings.failed(host.key(), host.key() + ": " + why.getMessage()));
      return Optional.empty();
    } catch (InterruptedException x) {
      Thread.currentThread().interrupt();
      failed.add(key);
      return Optional.empty();
    }
  }

  /**
   * Each replica's milliseconds per part ("compute-a" → daemons, bridges, groups, flows, fdb,
   * dpctl, traces, stop), in the order they were used; complete after {@link #close}.
   */
  Map<String, Map<String, Long>> millis() {
    Map<String, Map<String, Long>> m = new LinkedHashMap<>();
    all.forEach(h -> m.put(h.host.key() + " (" + h.dir.getFileName() + ")", h.millis));
    return m;
  }

  @Override
  public void close() {
    List<HostReplica> running = new ArrayList<>(open.values());
    // replicas still building (prepared, never used) are waited for and stopped with the others
    for (Future<HostReplica> f : building.values()) {
      try {
        HostReplica h = f.get();
        all.add(h);
        running.add(h);
      } catch (ExecutionException x) {
        // its build stopped its daemons itself
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
    }
    building.clear();
    pool.shutdown();
    running.forEach(HostReplica::signal);
    running.forEach(HostReplica::close);
    open.clear();
  }
}
