package io.vmflow.ping;

import java.util.BitSet;
import java.util.List;

/**
 * Echo pairing result for one capture point and one flow (request src, dst, ICMP id).
 *
 * @param requests distinct request sequence numbers seen
 * @param replies distinct reply sequence numbers seen
 * @param answered requests whose reply was seen
 * @param unanswered requests without reply, beyond the capture's last second
 * @param outsideWindow requests in the capture's last second without reply, plus replies in its
 *     first second whose request came before the capture started: capture edges, not loss
 * @param duplicates extra copies of a sequence number already seen (same type)
 * @param repliesWithoutRequest replies whose request was never seen, outside the start window
 * @param reordered packets whose sequence number is lower than one seen before them
 * @param requestWords the request sequence numbers seen, as {@link BitSet#toLongArray()} words
 * @param replyWords the reply sequence numbers seen, likewise
 */
public record PointFlowStats(
    String point,
    String src,
    String dst,
    int id,
    long requests,
    long replies,
    long answered,
    long unanswered,
    long outsideWindow,
    long duplicates,
    long repliesWithoutRequest,
    long reordered,
    double rttMinMs,
    double rttAvgMs,
    double rttMaxMs,
    double rttP50Ms,
    double rttP99Ms,
    List<Long> requestWords,
    List<Long> replyWords,
    String origin) {

  public PointFlowStats {
    requestWords = List.copyOf(requestWords);
    replyWords = List.copyOf(replyWords);
  }

  public BitSet requestSeqs() {
    return BitSet.valueOf(requestWords.stream().mapToLong(Long::longValue).toArray());
  }

  public BitSet replySeqs() {
    return BitSet.valueOf(replyWords.stream().mapToLong(Long::longValue).toArray());
  }

  /** {@code 10.0.0.107 > 10.0.0.17 id 32629}. */
  public String flow() {
    return src + " > " + dst + " id " + id;
  }
}
