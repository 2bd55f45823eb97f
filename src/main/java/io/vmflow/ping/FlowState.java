package io.vmflow.ping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Pairing state of one flow at one point, in memory that does not grow with the capture: the
 * first-seen time of each request and reply sequence number is kept for the two latest wrap epochs
 * only (a sequence dropping by more than half the space, 65535 → 0, opens an epoch). An older epoch
 * can no longer be answered, so it is folded into running counts, an RTT histogram and one bit per
 * sequence number for loss localisation.
 */
final class FlowState {

  private static final int CHUNK = 256;
  private static final int CHUNKS = 65536 / CHUNK;
  private static final int LIVE_EPOCHS = 2;

  private final String src;
  private final String dst;
  private final int id;
  private final ArrayDeque<long[]> spare = new ArrayDeque<>();
  private final Times requests = new Times(spare);
  private final Times replies = new Times(spare);
  private final BitSet reqSeen = new BitSet();
  private final BitSet repSeen = new BitSet();
  private final Histogram rtt = new Histogram(3_600_000_000_000L, 3);
  private long duplicates;
  private long reordered;
  private long answered;
  private long unanswered;
  private long outside;
  private long orphans;
  private long rttMin = Long.MAX_VALUE;
  private long rttMax;
  private double rttSum;
  private int folded;
  private long runValue = -1;
  private long runCount;
  private int largest;

  FlowState(String src, String dst, int id) {
    this.src = src;
    this.dst = dst;
    this.id = id;
  }

  void add(boolean request, int seq, int size, long nanos, long startEdge) {
    largest = Math.max(largest, size);
    Times t = request ? requests : replies;
    if (t.last >= 0 && t.last - seq > 32768) {
      t.epoch++;
    } else if (t.last >= 0 && seq < t.last) {
      reordered++;
    }
    t.last = seq;
    if (!t.put(t.epoch, seq, nanos)) {
      duplicates++;
    }
    // both directions have left an epoch two behind: nothing can pair with it any more
    while (Math.min(requests.epoch, replies.epoch) - folded >= LIVE_EPOCHS) {
      fold(folded++, startEdge, Long.MAX_VALUE);
    }
  }

  /**
   * The capture-edge rule: a request in the capture's last second without a reply counts as outside
   * the window (its reply may have come after the capture stopped) unless the loss visibly runs up
   * to the edge: when this flow's requests in the second before the edge all went unanswered at
   * this point (a total loss, or one that started before the end), its last requests are unanswered
   * like the others, so a 100 % loss never reads partial. With no request in that second there is
   * nothing to judge by, and the edge stands.
   */
  PointFlowStats stats(String point, long startEdge, long endEdge, String origin) {
    long edge = lossRunsToEdge(endEdge) ? Long.MAX_VALUE : endEdge;
    while (folded <= Math.max(requests.epoch, replies.epoch)) {
      fold(folded++, startEdge, edge);
    }
    flushRun();
    long n = answered;
    return new PointFlowStats(
        point,
        src,
        dst,
        id,
        reqSeen.cardinality(),
        repSeen.cardinality(),
        answered,
        unanswered,
        outside,
        duplicates,
        orphans,
        reordered,
        n == 0 ? 0 : rttMin / 1e6,
        n == 0 ? 0 : rttSum / n / 1e6,
        n == 0 ? 0 : rttMax / 1e6,
        n == 0 ? 0 : rtt.getValueAtPercentile(50) / 1e6,
        n == 0 ? 0 : rtt.getValueAtPercentile(99) / 1e6,
        words(reqSeen),
        words(repSeen),
        histogram(),
        origin,
        largest);
  }

  private boolean lossRunsToEdge(long endEdge) {
    long from = endEdge - PingPairer.EDGE_NANOS;
    if (from < 0 && endEdge >= 0) {
      // timestamps near 1970 (tests, broken clocks): an empty slot (0) lies in the last second
      return lossRunsToEdgeCountingEmptySlots(from, endEdge);
    }
    boolean any = false;
    for (int e = folded; e <= Math.max(requests.epoch, replies.epoch); e++) {
      long[][] rqT = requests.table(e);
      for (int c = 0; rqT != null && c < CHUNKS; c++) {
        long[] rqC = rqT[c];
        for (int i = 0; rqC != null && i < CHUNK; i++) {
          long rq = rqC[i];
          if (rq > from && rq <= endEdge) {
            if (replies.get(e, c * CHUNK + i) != 0) {
              return false;
            }
            any = true;
          }
        }
      }
    }
    return any;
  }

  private boolean lossRunsToEdgeCountingEmptySlots(long from, long endEdge) {
    boolean any = false;
    for (int e = folded; e <= Math.max(requests.epoch, replies.epoch); e++) {
      for (int seq = 0; seq < 65536; seq++) {
        long rq = requests.get(e, seq);
        if (rq > from && rq <= endEdge) {
          if (replies.get(e, seq) != 0) {
            return false;
          }
          any = true;
        }
      }
    }
    return any;
  }

  /** Pairs every sequence number of one epoch, adds it to the totals and frees its tables. */
  private void fold(int e, long startEdge, long endEdge) {
    long[][] rqT = requests.table(e);
    long[][] rpT = replies.table(e);
    // chunk by chunk, skipping the ones neither direction touched; slots in sequence order, as
    // the sum of round trips depends on it
    for (int c = 0; c < CHUNKS; c++) {
      long[] rqC = rqT == null ? null : rqT[c];
      long[] rpC = rpT == null ? null : rpT[c];
      if (rqC == null && rpC == null) {
        continue;
      }
      for (int i = 0; i < CHUNK; i++) {
        long rq = rqC == null ? 0 : rqC[i];
        long rp = rpC == null ? 0 : rpC[i];
        if (rq != 0 || rp != 0) {
          pair(e * 65536 + c * CHUNK + i, rq, rp, startEdge, endEdge);
        }
      }
    }
    requests.free(e);
    replies.free(e);
  }

  private void pair(int bit, long rq, long rp, long startEdge, long endEdge) {
    if (rq != 0) {
      reqSeen.set(bit);
      if (rp != 0) {
        answered++;
        long d = Math.max(0, rp - rq);
        rttMin = Math.min(rttMin, d);
        rttMax = Math.max(rttMax, d);
        rttSum += d;
        record(Math.min(d, rtt.getHighestTrackableValue()));
      } else if (rq > endEdge) {
        outside++;
      } else {
        unanswered++;
      }
    }
    if (rp != 0) {
      repSeen.set(bit);
      if (rq == 0) {
        if (rp <= startEdge) {
          outside++;
        } else {
          orphans++;
        }
      }
    }
  }

  // equal round trips in a row (a clock that ticks in microseconds repeats them) go into the
  // histogram as one count: the same histogram, one update instead of many
  private void record(long d) {
    if (d != runValue) {
      flushRun();
      runValue = d;
    }
    runCount++;
  }

  private void flushRun() {
    if (runCount > 0) {
      rtt.recordValueWithCount(runValue, runCount);
      runCount = 0;
    }
  }

  private List<Long> histogram() {
    List<Long> out = new ArrayList<>();
    long lo = 0;
    for (double boundMs : PointFlowStats.RTT_BOUNDS_MS) {
      long hi = (long) (boundMs * 1e6);
      out.add(answered == 0 ? 0 : rtt.getCountBetweenValues(lo, hi - 1));
      lo = hi;
    }
    out.add(answered == 0 ? 0 : rtt.getCountBetweenValues(lo, rtt.getHighestTrackableValue()));
    return out;
  }

  private static List<Long> words(BitSet b) {
    long[] w = b.toLongArray();
    List<Long> out = new ArrayList<>(w.length);
    for (long x : w) {
      out.add(x);
    }
    return out;
  }

  /**
   * First-seen times per (epoch, seq), 0 meaning not seen, in 256-slot chunks made on first use. A
   * folded epoch's chunks are cleared and kept for the next epochs (the flow's {@code spare} list):
   * a long capture then allocates nothing per packet, and the collector has no tables to copy from
   * one generation to the next.
   */
  private static final class Times {
    private final List<long[][]> epochs = new ArrayList<>();
    private final ArrayDeque<long[]> spare;
    int epoch;
    int last = -1;
    // the table put wrote to last: nearly every packet goes to the current epoch
    private int cachedEpoch = -1;
    private long[][] cached;

    Times(ArrayDeque<long[]> spare) {
      this.spare = spare;
    }

    boolean put(int e, int seq, long nanos) {
      long[][] chunks = e == cachedEpoch ? cached : open(e);
      if (chunks == null) {
        return true;
      }
      long[] c = chunks[seq >>> 8];
      if (c == null) {
        c = spare.isEmpty() ? new long[CHUNK] : spare.pop();
        chunks[seq >>> 8] = c;
      }
      if (c[seq & (CHUNK - 1)] != 0) {
        return false;
      }
      c[seq & (CHUNK - 1)] = nanos == 0 ? 1 : nanos;
      return true;
    }

    private long[][] open(int e) {
      while (epochs.size() <= e) {
        epochs.add(new long[CHUNKS][]);
      }
      cachedEpoch = e;
      cached = epochs.get(e);
      return cached;
    }

    /** The chunks of epoch {@code e}; null when never opened or already folded. */
    long[][] table(int e) {
      return e < epochs.size() ? epochs.get(e) : null;
    }

    long get(int e, int seq) {
      long[][] t = table(e);
      long[] c = t == null ? null : t[seq >>> 8];
      return c == null ? 0 : c[seq & (CHUNK - 1)];
    }

    void free(int e) {
      long[][] t = table(e);
      if (t == null) {
        return;
      }
      for (long[] c : t) {
        if (c != null) {
          Arrays.fill(c, 0);
          spare.push(c);
        }
      }
      epochs.set(e, null);
      if (e == cachedEpoch) {
        cachedEpoch = -1;
        cached = null;
      }
    }
  }
}
