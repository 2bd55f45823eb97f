package io.vmflow.parse;

import java.util.List;

/**
 * {@code ovs-dpctl show} / {@code ovs-appctl dpctl/show}: kernel or userspace datapaths and their
 * ports.
 */
public record OvsDpctlShow(List<Datapath> datapaths) implements ParsedRecord {

  public OvsDpctlShow {
    datapaths = List.copyOf(datapaths);
  }

  /** {@code system@ovs-system:} or {@code netdev@ovs-netdev:} with its ports. */
  public record Datapath(String type, String name, List<DpPort> ports, int line) {
    public Datapath {
      ports = List.copyOf(ports);
    }
  }

  /**
   * {@code port 3: vxlan_sys_4789 (vxlan: packet_type=ptap)}
   *
   * @param type what the parentheses say first ({@code internal}, {@code vxlan}), "" for a system
   *     port
   */
  public record DpPort(int number, String name, String type, String details, int line) {}
}
