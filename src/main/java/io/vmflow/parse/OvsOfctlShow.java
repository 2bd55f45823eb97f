package io.vmflow.parse;

import io.vmflow.model.MacAddress;
import io.vmflow.model.PortNo;
import java.util.List;
import java.util.Optional;

/**
 * {@code ovs-ofctl show <bridge>}: the bridge's OpenFlow ports. A grep-cut output has port lines
 * only; the bridge then comes from the command line ({@link SourceText#subject()}).
 *
 * @param dpid datapath id, "" when cut off
 */
public record OvsOfctlShow(String bridge, String dpid, List<OfPort> ports) implements ParsedRecord {

  public OvsOfctlShow {
    ports = List.copyOf(ports);
  }

  /**
   * {@code 71(pvo1c65142e-2a): addr:7a:92:22:ab:2f:17} and its config/state lines.
   *
   * @param config {@code PORT_DOWN}, ... ; empty for {@code 0}
   * @param state {@code LINK_DOWN}, {@code STP_...} ; empty for {@code 0}
   */
  public record OfPort(
      PortNo portNo,
      String name,
      Optional<MacAddress> mac,
      List<String> config,
      List<String> state,
      int line) {
    public OfPort {
      config = List.copyOf(config);
      state = List.copyOf(state);
    }

    public boolean isDown() {
      return config.contains("PORT_DOWN") || state.contains("LINK_DOWN");
    }
  }

  public Optional<OfPort> port(String name) {
    return ports.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
