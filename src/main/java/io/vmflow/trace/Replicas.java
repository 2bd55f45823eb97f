package io.vmflow.trace;

import io.vmflow.finding.Finding;
import io.vmflow.topology.Fact;
import io.vmflow.topology.Host;
import io.vmflow.topology.Topology;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The hosts' replicas of one run, started when a trace first needs them (a loss on the host, or a
 * trace that crosses a tunnel into it) and all stopped on {@link #close}. At most {@link #MAX_OPEN}
 * run at once: the one used longest ago is stopped to make room (a trace needs two at a time, the
 * host it leaves and the one it enters). A host whose replica fails is tried once.
 */
final class Replicas implements AutoCloseable {

  static final int MAX_OPEN = 4;

  private final OvsBinaries bin;
  private final Path root;
  private final Topology topology;
  private final List<Fact> facts;
  private final Duration limit;
  private final List<Finding> out;
  private final Map<String, HostReplica> open = new LinkedHashMap<>(8, 0.75f, true);
  private int started;
  private final Set<String> failed = new HashSet<>();

  Replicas(
      OvsBinaries bin,
      Path root,
      Topology topology,
      List<Fact> facts,
      Duration limit,
      List<Finding> out) {
    this.bin = bin;
    this.root = root;
    this.topology = topology;
    this.facts = facts;
    this.limit = limit;
    this.out = out;
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
    if (open.size() >= MAX_OPEN) {
      Iterator<HostReplica> eldest = open.values().iterator();
      eldest.next().close();
      eldest.remove();
    }
    // a fresh folder (and database) for each start, a host started again included
    try {
      h = HostReplica.start(bin, root.resolve("host-" + started++), host, facts, limit, out);
      open.put(key, h);
      return Optional.of(h);
    } catch (ReplicaFailure | IOException x) {
      failed.add(key);
      out.add(TraceFindings.failed(host.key(), host.key() + ": " + x.getMessage()));
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    open.values().forEach(HostReplica::close);
    open.clear();
  }
}
