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
 * @param rttHistogram answered echoes per RTT bucket, see {@link #RTT_BOUNDS_MS}
 * @param largestIpBytes the largest echo of the flow at this point, as an IP packet length; 0 when
 *     the source gives no lengths (tcpdump text)
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
    List<Long> rttHistogram,
    String origin,
    int largestIpBytes) {

  /** Upper bounds (ms, exclusive) of the RTT histogram buckets; the last bucket is open. */
  public static final double[] RTT_BOUNDS_MS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500};

  public PointFlowStats {
    requestWords = List.copyOf(requestWords);
    replyWords = List.copyOf(replyWords);
    rttHistogram = List.copyOf(rttHistogram);
  }

  public BitSet requestSeqs() {
    return BitSet.valueOf(requestWords.stream().mapToLong(Long::longValue).toArray());
  }

  public BitSet replySeqs() {
    return BitSet.valueOf(replyWords.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Combines two observations of the same point and flow (a tcpdump text and a pcap of one
   * interface): counts add up, sequence sets unite, RTT extremes widen, the average is weighted.
   */
  public static PointFlowStats merge(PointFlowStats a, PointFlowStats b) {
    BitSet req = a.requestSeqs();
    req.or(b.requestSeqs());
    BitSet rep = a.replySeqs();
    rep.or(b.replySeqs());
    long answered = a.answered() + b.answered();
    double avg =
        answered == 0 ? 0 : (a.rttAvgMs() * a.answered() + b.rttAvgMs() * b.answered()) / answered;
    double min =
        a.answered() == 0
            ? b.rttMinMs()
            : b.answered() == 0 ? a.rttMinMs() : Math.min(a.rttMinMs(), b.rttMinMs());
    return new PointFlowStats(
        a.point(),
        a.src(),
        a.dst(),
        a.id(),
        a.requests() + b.requests(),
        a.replies() + b.replies(),
        answered,
        a.unanswered() + b.unanswered(),
        a.outsideWindow() + b.outsideWindow(),
        a.duplicates() + b.duplicates(),
        a.repliesWithoutRequest() + b.repliesWithoutRequest(),
        a.reordered() + b.reordered(),
        min,
        avg,
        Math.max(a.rttMaxMs(), b.rttMaxMs()),
        Math.max(a.rttP50Ms(), b.rttP50Ms()),
        Math.max(a.rttP99Ms(), b.rttP99Ms()),
        words(req),
        words(rep),
        sum(a.rttHistogram(), b.rttHistogram()),
        a.origin(),
        Math.max(a.largestIpBytes(), b.largestIpBytes()));
  }

  /**
   * The flow as not seen at all at {@code point}, a capture point that ran while the flow went on.
   */
  public static PointFlowStats silent(String point, PointFlowStats like, String origin) {
    return new PointFlowStats(
        point,
        like.src(),
        like.dst(),
        like.id(),
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        List.of(),
        List.of(),
        List.of(),
        origin,
        // the flow's packets, as seen where it was seen: what the silent point should have carried
        like.largestIpBytes());
  }

  private static List<Long> sum(List<Long> a, List<Long> b) {
    List<Long> out = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      out.add((i < a.size() ? a.get(i) : 0) + (i < b.size() ? b.get(i) : 0));
    }
    return out;
  }

  private static List<Long> words(BitSet b) {
    return java.util.Arrays.stream(b.toLongArray()).boxed().toList();
  }

  /** {@code 10.0.0.107 > 10.0.0.17 id 32629}. */
  public String flow() {
    return src + " > " + dst + " id " + id;
  }
}
