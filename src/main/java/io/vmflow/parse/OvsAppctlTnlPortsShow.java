package io.vmflow.parse;

import java.util.List;

/**
 * {@code ovs-appctl tnl/ports/show}: the UDP ports (GRE: the datapath port) on which the userspace
 * datapath receives tunnelled packets. Only native (userspace) tunnelling fills it: a kernel
 * datapath prints the header alone.
 */
public record OvsAppctlTnlPortsShow(List<Listener> listeners) implements ParsedRecord {

  public OvsAppctlTnlPortsShow {
    listeners = List.copyOf(listeners);
  }

  /**
   * {@code vxlan_sys_4789 (4789) ref_cnt=3}; with {@code -v}, {@code vxlan_sys_4789 (4789) :
   * <flow>} and no count.
   *
   * @param port the UDP port, from the device's name ({@code vxlan_sys_4789}); for a device whose
   *     name has none (GRE), its datapath port
   * @param refCount the tunnel ports sharing it, -1 when the output does not say
   */
  public record Listener(String device, int port, int refCount, int line) {}

  /** Whether a listener takes UDP port {@code port}. */
  public boolean listens(int port) {
    return listeners.stream().anyMatch(l -> l.port() == port);
  }
}
