package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;
import java.util.Optional;

/** A Linux bridge ({@code brctl}) or OVS bridge ({@code ovs-vsctl}) on a host, with its ports. */
public record Bridge(String name, Kind kind, List<BridgePort> ports, List<Evidence> evidence) {

  /** Which switch implements the bridge. */
  public enum Kind {
    LINUX,
    OVS
  }

  public Bridge {
    ports = List.copyOf(ports);
    evidence = List.copyOf(evidence);
  }

  public Optional<BridgePort> port(String name) {
    return ports.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
