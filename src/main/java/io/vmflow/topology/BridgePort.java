package io.vmflow.topology;

import io.vmflow.finding.Evidence;
import java.util.List;

/**
 * A port of a Linux or OVS bridge with what the dump says of it.
 *
 * @param ofport OpenFlow port number, "" when unknown; {@code -1} when OVSDB reports a failed port
 * @param tag access VLAN, -1 when none
 * @param type OVS interface type ({@code patch}, {@code vxlan}, {@code internal}), "" for system
 * @param peer patch peer, "" when not a patch port
 * @param remoteIp tunnel remote, "" when not a tunnel
 * @param error OVSDB {@code error:} text, "" when none
 * @param down true when ovs-ofctl or ip link shows the port down
 * @param inOvsdb true when {@code ovs-vsctl show} lists the port, so its tag (or lack of one) is
 *     known
 */
public record BridgePort(
    String name,
    String ofport,
    int tag,
    List<Integer> trunks,
    String type,
    String peer,
    String remoteIp,
    String error,
    boolean down,
    String mac,
    boolean inOvsdb,
    List<Evidence> evidence) {

  public BridgePort {
    trunks = List.copyOf(trunks);
    evidence = List.copyOf(evidence);
  }

  /**
   * True when the port being down is how OVS and neutron leave it, not a fault: a bridge's {@code
   * LOCAL} (internal) port, which neutron never brings up on br-int and br-tun, and a port neutron
   * parked on its dead VLAN 4095.
   */
  public boolean downByDesign() {
    return down && ("LOCAL".equalsIgnoreCase(ofport) || tag == 4095);
  }
}
