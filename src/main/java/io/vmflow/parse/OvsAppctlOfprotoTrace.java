package io.vmflow.parse;

import java.util.List;

/**
 * {@code ovs-appctl ofproto/trace <bridge> <flow>}: the rules a packet hit, bridge by bridge, and
 * what the datapath would do with it.
 *
 * @param datapathActions the final {@code Datapath actions:} text ({@code drop}, {@code
 *     pop_vlan,3}), "" when the output has none
 */
public record OvsAppctlOfprotoTrace(List<Step> steps, String datapathActions)
    implements ParsedRecord {

  public OvsAppctlOfprotoTrace {
    steps = List.copyOf(steps);
  }

  /** True when the datapath drops the packet. */
  public boolean drops() {
    return datapathActions.equals("drop");
  }

  /**
   * One rule hit: {@code 0. icmp,in_port=1,icmp_type=0, priority 200, cookie 0x5} and the actions
   * printed under it.
   *
   * @param match the rule's match as printed, "" for a catch-all
   * @param cookie "" when 0 (not printed)
   */
  public record Step(
      String bridge,
      int table,
      String match,
      int priority,
      String cookie,
      List<String> actions,
      int line) {
    public Step {
      actions = List.copyOf(actions);
    }
  }
}
