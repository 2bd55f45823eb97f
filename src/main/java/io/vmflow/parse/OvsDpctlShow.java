package io.vmflow.parse;

import java.util.List;
import java.util.Optional;

/**
 * {@code ovs-dpctl show} / {@code ovs-appctl dpctl/show}: kernel or userspace datapaths and their
 * ports, with each port's packet, error and drop counters when {@code -s} printed them.
 */
public record OvsDpctlShow(List<Datapath> datapaths) implements ParsedRecord {

  public OvsDpctlShow {
    datapaths = List.copyOf(datapaths);
  }

  /**
   * {@code system@ovs-system:} or {@code netdev@ovs-netdev:} with its lookup counters and ports.
   * Lines without that header (an output cut to its port or lookups lines) form one datapath whose
   * type and name are "".
   */
  public record Datapath(
      String type, String name, List<DpPort> ports, int line, Optional<Lookups> lookups) {
    public Datapath {
      ports = List.copyOf(ports);
      java.util.Objects.requireNonNull(lookups);
    }

    public Datapath(String type, String name, List<DpPort> ports, int line) {
      this(type, name, ports, line, Optional.empty());
    }
  }

  /**
   * {@code lookups: hit:36830 missed:4948 lost:0}: flow-table lookups; {@code lost} counts packets
   * the kernel dropped before they reached ovs-vswitchd (upcall queue full).
   */
  public record Lookups(long hit, long missed, long lost) {}

  /**
   * {@code port 3: vxlan_sys_4789 (vxlan: packet_type=ptap)}
   *
   * @param type what the parentheses say first ({@code internal}, {@code vxlan}), "" for a system
   *     port
   * @param counters the {@code RX packets:… errors:… dropped:…} and {@code TX …} lines under the
   *     port ({@code -s}); empty when not shown
   */
  public record DpPort(
      int number,
      String name,
      String type,
      String details,
      int line,
      Optional<PortCounters> counters) {

    public DpPort {
      java.util.Objects.requireNonNull(counters);
    }

    public DpPort(int number, String name, String type, String details, int line) {
      this(number, name, type, details, line, Optional.empty());
    }
  }

  /**
   * {@code RX packets:309 errors:0 dropped:1394875 overruns:0 frame:0} and {@code TX packets:66312
   * errors:0 dropped:0 aborted:0 carrier:0}: what the datapath counted on a port, kept for health
   * checks (drops on a VM's port, errors on a tunnel).
   */
  public record PortCounters(
      long rxPackets,
      long rxErrors,
      long rxDropped,
      long txPackets,
      long txErrors,
      long txDropped) {}
}
