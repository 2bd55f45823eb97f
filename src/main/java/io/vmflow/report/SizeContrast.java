package io.vmflow.report;

import io.vmflow.ping.LossSegment;
import io.vmflow.ping.PingResults;
import io.vmflow.ping.PointFlowStats;
import io.vmflow.ping.PortPings;

/**
 * Large pings lost where small ones between the same two addresses got through: the mark of an MTU
 * limit on the way, said in the loss's "what" so the responder sees it before reading the cause.
 * Only for a flow whose echoes were all lost, with sizes from the captures (tcpdump text gives
 * none).
 */
final class SizeContrast {

  private SizeContrast() {}

  /** E.g. " (1428-byte packets; 84-byte pings between them were answered)", or "". */
  static String of(LossSegment loss, PingResults pings) {
    if (loss.lost() != loss.seen()) {
      return "";
    }
    String[] f = loss.flow().split(" > | id ");
    if (f.length != 3) {
      return "";
    }
    int lostBytes = 0;
    int answeredBytes = 0;
    for (PortPings p : pings.ports()) {
      for (PointFlowStats s : p.points()) {
        if (!s.src().equals(f[0]) || !s.dst().equals(f[1])) {
          continue;
        }
        if (String.valueOf(s.id()).equals(f[2])) {
          lostBytes = Math.max(lostBytes, s.largestIpBytes());
        } else if (s.answered() > 0) {
          answeredBytes = Math.max(answeredBytes, s.largestIpBytes());
        }
      }
    }
    if (answeredBytes == 0 || answeredBytes >= lostBytes) {
      return "";
    }
    return " ("
        + lostBytes
        + "-byte packets; "
        + answeredBytes
        + "-byte pings between them were answered)";
  }
}
