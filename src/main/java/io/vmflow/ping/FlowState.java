package io.vmflow.ping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Pairing state of one flow at one point: first-seen time of each request and reply sequence
 * number. A sequence that drops by more than half the space (65535 → 0) opens a new epoch, so
 * long captures pair correctly across the wrap.
 */
final class FlowState {

  private static final int CHUNK = 256;

  private final String src;
  private final String dst;
  private final int id;
  private final Times requests = new Times();
  private final Times replies = new Times();
  private long duplicates;
  private long reordered;

  FlowState(String src, String dst, int id) {
    this.src = src;
    this.dst = dst;
    this.id = id;
  }

  void add(boolean request, int seq, long nanos) {
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
  }

  PointFlowStats stats(String point, long startEdge, long endEdge, String origin) {
    double[] rtts = new double[16];
    int n = 0;
    long answered = 0;
    long unanswered = 0;
    long outside = 0;
    long orphans = 0;
    int epochs = Math.max(requests.epochs.size(), replies.epochs.size());
    BitSet reqSeen = new BitSet();
    BitSet repSeen = new BitSet();
    for (int e = 0; e < epochs; e++) {
      for (int seq = 0; seq < 65536; seq++) {
        long rq = requests.get(e, seq);
        long rp = replies.get(e, seq);
        if (rq != 0) {
          reqSeen.set(e * 65536 + seq);
          if (rp != 0) {
            answered++;
            if (n == rtts.length) {
              rtts = Arrays.copyOf(rtts, n * 2);
            }
            rtts[n++] = Math.max(0, rp - rq) / 1e6;
          } else if (rq > endEdge) {
            outside++;
          } else {
            unanswered++;
          }
        }
        if (rp != 0) {
          repSeen.set(e * 65536 + seq);
          if (rq == 0) {
            if (rp <= startEdge) {
              outside++;
            } else {
              orphans++;
            }
          }
        }
      }
    }
    double[] sorted = Arrays.copyOf(rtts, n);
    Arrays.sort(sorted);
    double avg = n == 0 ? 0 : Arrays.stream(sorted).sum() / n;
    return new PointFlowStats(point, src, dst, id, reqSeen.cardinality(), repSeen.cardinality(), answered, unanswered, outside,
        duplicates, orphans, reordered, n == 0 ? 0 : sorted[0], avg, n == 0 ? 0 : sorted[n - 1], percentile(sorted, 0.50),
        percentile(sorted, 0.99), words(reqSeen), words(repSeen), origin);
  }

  private static List<Long> words(BitSet b) {
    long[] w = b.toLongArray();
    List<Long> out = new ArrayList<>(w.length);
    for (long x : w) {
      out.add(x);
    }
    return out;
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** First-seen times per (epoch, seq); 0 means not seen. */
  private static final class Times {
    final List<long[][]> epochs = new ArrayList<>();
    int epoch;
    int last = -1;

    boolean put(int e, int seq, long nanos) {
      while (epochs.size() <= e) {
        epochs.add(new long[65536 / CHUNK][]);
      }
      long[][] chunks = epochs.get(e);
      long[] c = chunks[seq / CHUNK];
      if (c == null) {
        c = new long[CHUNK];
        chunks[seq / CHUNK] = c;
      }
      if (c[seq % CHUNK] != 0) {
        return false;
      }
      c[seq % CHUNK] = nanos == 0 ? 1 : nanos;
      return true;
    }

    long get(int e, int seq) {
      if (e >= epochs.size()) {
        return 0;
      }
      long[] c = epochs.get(e)[seq / CHUNK];
      return c == null ? 0 : c[seq % CHUNK];
    }
  }
}
