package io.vmflow.parse;

import java.util.List;
import java.util.Objects;

/** {@code ovs-appctl upcall/show}: each datapath's flow count against its flow limit. */
public record OvsAppctlUpcallShow(List<Datapath> datapaths) implements ParsedRecord {

  public OvsAppctlUpcallShow {
    datapaths = List.copyOf(datapaths);
  }

  /**
   * One datapath's upcall state.
   *
   * @param name {@code system@ovs-system}, {@code netdev@ovs-netdev}
   * @param current flows in the datapath now; {@code max} the most it held, {@code limit} the limit
   *     ovs-vswitchd applies now (it lowers it when dumping the flows takes long)
   * @param dumpMillis how long the last flow dump took, -1 when not printed
   * @param line the {@code flows :} line
   */
  public record Datapath(
      String name, long current, long average, long max, long limit, long dumpMillis, int line) {
    public Datapath {
      Objects.requireNonNull(name);
    }

    /** True when the datapath held as many flows as its limit allows, now or before. */
    public boolean reachedLimit() {
      return limit > 0 && (current >= limit || max >= limit);
    }
  }
}
