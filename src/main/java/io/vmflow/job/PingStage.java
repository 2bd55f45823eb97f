package io.vmflow.job;

import io.vmflow.ping.PingResults;
import io.vmflow.store.StageResultStore;

/** Stores and reads the ping stage's results, keyed by VM and port. */
final class PingStage {

  static final String PINGS = "pings";

  private PingStage() {}

  static void store(StageResultStore results, long instance, PingResults pings) {
    results.put(instance, PINGS, pings);
  }

  static PingResults load(StageResultStore results, long instance) {
    return results.get(instance, PINGS, PingResults.class).orElse(PingResults.none());
  }
}
