package io.vmflow.topology;

import io.vmflow.finding.Evidence;

/**
 * An OpenFlow rule that dropped packets ({@code actions=drop}, {@code n_packets>0}, priority above
 * the table's default), kept so a check can tell whether it hits a VM's addresses.
 *
 * @param match the match fields as printed, {@code icmp,nw_dst=10.20.0.11,icmp_type=0}
 */
public record DropFlow(
    String bridge, int table, int priority, String match, long packets, Evidence evidence) {

  /** True when one of the match fields names {@code value} (an IP or MAC of the VM). */
  public boolean names(String value) {
    for (String field : match.split(",")) {
      int eq = field.indexOf('=');
      if (eq > 0) {
        String v = field.substring(eq + 1);
        int slash = v.indexOf('/');
        if ((slash < 0 ? v : v.substring(0, slash)).equalsIgnoreCase(value)) {
          return true;
        }
      }
    }
    return false;
  }
}
