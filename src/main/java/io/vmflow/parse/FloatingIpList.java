package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code neutron floatingip-list} / {@code openstack floating ip list}: one row per floating IP.
 */
public record FloatingIpList(List<FloatingIp> floatingIps) implements ParsedRecord {

  public FloatingIpList {
    floatingIps = List.copyOf(floatingIps);
  }

  /**
   * @param fixedIp the fixed address it maps to, "" when not associated ({@code None} or blank)
   * @param portId the port it is associated with, "" when none
   * @param networkId its external network ({@code Floating Network}), "" when not printed
   */
  public record FloatingIp(
      String id, String floatingIp, String fixedIp, String portId, String networkId, int line) {

    public boolean isAssociated() {
      return !fixedIp.isEmpty();
    }
  }

  /** The floating IP associated with fixed address {@code ip}, if any. */
  public Optional<FloatingIp> ofFixedIp(String ip) {
    return floatingIps.stream().filter(f -> f.fixedIp().equals(ip)).findFirst();
  }
}
