package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/** {@code neutron router-list} / {@code openstack router list}: one row per router. */
public record RouterList(List<Router> routers) implements ParsedRecord {

  public RouterList {
    routers = List.copyOf(routers);
  }

  /**
   * @param externalGatewayInfo the JSON cell as printed, wrapped lines joined
   * @param distributed empty when the output does not say
   * @param ha empty when the output does not say
   */
  public record Router(
      String id,
      String name,
      String status,
      String externalGatewayInfo,
      Optional<Boolean> distributed,
      Optional<Boolean> ha,
      int line) {}
}
