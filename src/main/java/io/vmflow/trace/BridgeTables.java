package io.vmflow.trace;

import io.vmflow.finding.Category;
import io.vmflow.finding.Finding;
import io.vmflow.finding.Severity;
import io.vmflow.parse.OvsOfctlDumpFlows;
import io.vmflow.parse.OvsOfctlDumpGroups;
import io.vmflow.topology.Fact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The dumped groups and flows of a host's bridges loaded into its replica, the bridges at once (one
 * {@code ovs-ofctl} each, and the bridges are independent): per bridge the groups first, which the
 * flows refer to, then each dump's flows in one bundle. What the switch refuses is a finding; the
 * findings come back in the bridges' order.
 */
final class BridgeTables {

  static final int THREADS = 4;

  /** One bridge's tables: its groups (each id once) and its flow dumps. */
  record Tables(String bridge, List<HostReplica.LocatedGroup> groups, List<Fact> dumps) {}

  private BridgeTables() {}

  static List<Finding> load(Replica r, String hostKey, List<Tables> bridges, Path dir)
      throws ReplicaFailure, IOException {
    List<Callable<List<Finding>>> tasks = new ArrayList<>();
    for (int i = 0; i < bridges.size(); i++) {
      Tables t = bridges.get(i);
      int n = i;
      tasks.add(() -> one(r, hostKey, t, dir, n));
    }
    if (tasks.size() == 1) {
      return call(tasks.get(0));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(THREADS, Math.max(1, tasks.size())),
            x -> {
              Thread th = new Thread(x, "vmflow-replica-tables");
              th.setDaemon(true);
              return th;
            });
    try {
      List<Future<List<Finding>>> running = new ArrayList<>();
      tasks.forEach(c -> running.add(pool.submit(c)));
      List<Finding> out = new ArrayList<>();
      for (Future<List<Finding>> f : running) {
        out.addAll(await(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Finding> call(Callable<List<Finding>> c) throws ReplicaFailure, IOException {
    try {
      return c.call();
    } catch (ReplicaFailure | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Finding> await(Future<List<Finding>> f) throws ReplicaFailure, IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReplicaFailure("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReplicaFailure x) {
        throw x;
      }
      if (e.getCause() instanceof IOException x) {
        throw x;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static List<Finding> one(Replica r, String hostKey, Tables t, Path dir, int n)
      throws ReplicaFailure, IOException {
    List<Finding> out = new ArrayList<>();
    if (!t.groups().isEmpty()) {
      List<OvsOfctlDumpGroups.Group> groups =
          t.groups().stream().map(HostReplica.LocatedGroup::group).toList();
      Map<OvsOfctlDumpGroups.Group, String> refused =
          SwitchLoader.groups(r, t.bridge(), groups, dir.resolve("groups-" + n + ".txt"));
      for (HostReplica.LocatedGroup g : t.groups()) {
        String why = refused.get(g.group());
        if (why != null) {
          out.add(refusedGroup(hostKey, t.bridge(), g, why));
        }
      }
    }
    int k = 0;
    for (Fact f : t.dumps()) {
      OvsOfctlDumpFlows d = (OvsOfctlDumpFlows) f.value();
      Path file = dir.resolve("flows-" + n + (k++ == 0 ? "" : "-" + k) + ".txt");
      try {
        SwitchLoader.flows(r, t.bridge(), d.flows(), file);
      } catch (ReplicaFailure x) {
        out.add(
            new Finding(
                    Severity.WARNING,
                    Category.INPUT,
                    Tracer.FLOW_TRACE_FAILED,
                    "the replica refused the flows of "
                        + t.bridge()
                        + " ("
                        + hostKey
                        + "): "
                        + x.getMessage(),
                    f.origin(),
                    0)
                .about("", "", hostKey));
      }
    }
    return out;
  }

  private static Finding refusedGroup(
      String hostKey, String bridge, HostReplica.LocatedGroup g, String why) {
    return new Finding(
            Severity.WARNING,
            Category.INPUT,
            Tracer.FLOW_TRACE_FAILED,
            "the replica refused group "
                + g.group().id()
                + " of "
                + bridge
                + " ("
                + hostKey
                + "): "
                + why
                + "; traces through it are not possible",
            g.origin(),
            g.group().line())
        .about("", "", hostKey);
  }
}
