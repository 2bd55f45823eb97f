package io.vmflow.topology;

import java.util.List;

/** Entry point of the correlate stage: facts in, topology out. */
public final class TopologyBuilder {

  private TopologyBuilder() {}

  public static Topology build(List<Fact> facts) {
    throw new UnsupportedOperationException("topology not built yet");
  }
}
