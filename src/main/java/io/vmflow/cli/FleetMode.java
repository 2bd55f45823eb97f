package io.vmflow.cli;

import java.util.Map;
import java.util.Optional;

/**
 * What {@code nightly --workers remote} and {@code worker} share: the database must be one every
 * machine reaches (PostgreSQL), and their Spring context carries the fleet role. That context is
 * built from the bean definitions, not from the build-time (AOT) ones, which were made for the
 * local commands and leave the fleet beans out.
 */
final class FleetMode {

  private FleetMode() {}

  static boolean isRemote(String workers) {
    return "remote".equals(workers);
  }

  /** Why the options cannot run, or empty. */
  static Optional<String> check(String workers, String db, long workerTimeout) {
    if (!isRemote(workers) && !"local".equals(workers)) {
      return Optional.of("--workers takes local or remote, not '" + workers + "'");
    }
    if (workerTimeout < 1) {
      return Optional.of("--worker-timeout must be at least 1 second");
    }
    if (isRemote(workers)) {
      return requiresServer(db, "--workers remote");
    }
    return Optional.empty();
  }

  static Optional<String> requiresServer(String db, String what) {
    if (db == null || !db.startsWith("jdbc:postgresql:")) {
      return Optional.of(
          what
              + " needs --db jdbc:postgresql://HOST/DB: the manager and its workers share the job"
              + " repository, the history and the partition queue in one PostgreSQL database");
    }
    return Optional.empty();
  }

  static void manager(Map<String, Object> props, long workerTimeout) {
    role(props, "manager", workerTimeout);
  }

  static void worker(Map<String, Object> props, long workerTimeout) {
    role(props, "worker", workerTimeout);
  }

  private static void role(Map<String, Object> props, String role, long workerTimeout) {
    System.setProperty("spring.aot.enabled", "false");
    props.put("vmflow.fleet.role", role);
    props.put("vmflow.fleet.stale-seconds", String.valueOf(workerTimeout));
  }
}
