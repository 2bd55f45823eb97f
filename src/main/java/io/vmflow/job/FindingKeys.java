package io.vmflow.job;

import io.vmflow.finding.Finding;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key that tells one night's finding from the next: its code and message, except for counter
 * findings, whose message carries the night's figures ("tap1 on c1: tx_dropped rose by 20 over 24
 * s"). Those are keyed by what they count, the message up to its first number ("tap1 on c1:
 * tx_dropped rose by"): a counter that grew both nights stays open, one that grew tonight only is
 * new, one that stopped growing is resolved (and one read once, "tx_dropped 40 since boot", keys
 * apart from one seen growing).
 */
final class FindingKeys {

  // findings of the health checks (#23) whose message holds counts that change from run to run
  private static final Set<String> COUNTERS =
      Set.of(
          "INTERFACE_DROPS",
          "INTERFACE_ERRORS",
          "DATAPATH_LOST_UPCALLS",
          "OVS_DATAPATH_DROPS",
          "UPCALL_FLOW_LIMIT",
          "UPCALL_SLOW_DUMP",
          "MAC_TABLE_FULL",
          "MAC_TABLE_EVICTIONS",
          "NIC_DRIVER_DROPS");
  //  20 over   /   (current 2000)   /   8192/8192,   : the first figure of the message
  private static final Pattern FIGURE = Pattern.compile("\\s\\(?\\d");

  private FindingKeys() {}

  static String of(Finding f) {
    String m = f.message();
    if (COUNTERS.contains(f.code())) {
      Matcher x = FIGURE.matcher(m);
      if (x.find()) {
        m = m.substring(0, x.start());
      }
    }
    return f.code() + "|" + m;
  }
}
