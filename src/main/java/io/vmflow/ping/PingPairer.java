package io.vmflow.ping;

import io.vmflow.model.IcmpEcho;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs echo requests with replies at one capture point, per flow (src, dst, ICMP id), as packets
 * stream in. Memory is bounded by the sequence space: per flow, one timestamp slot per 16-bit
 * sequence number and epoch; a sequence that wraps from 65535 to 0 starts a new epoch.
 */
public final class PingPairer {

  /** The capture's edges: packets this close to its start or end may miss their partner. */
  static final Duration EDGE = Duration.ofSeconds(1);

  private final String point;
  private final Map<String, FlowState> flows = new LinkedHashMap<>();
  private Instant first;
  private Instant last;
  private String origin = "";

  public PingPairer(String point) {
    this.point = point;
  }

  /** Notes a packet of the capture (any kind), only to know the capture window. */
  public void seen(Instant time) {
    if (first == null || time.isBefore(first)) {
      first = time;
    }
    if (last == null || time.isAfter(last)) {
      last = time;
    }
  }

  public void add(IcmpEcho e) {
    seen(e.time());
    if (origin.isEmpty()) {
      origin = e.origin();
    }
    boolean req = e.isRequest();
    String src = req ? e.src() : e.dst();
    String dst = req ? e.dst() : e.src();
    flows.computeIfAbsent(src + "|" + dst + "|" + e.id(), k -> new FlowState(src, dst, e.id())).add(req, e.seq(), e.time());
  }

  public List<PointFlowStats> finish() {
    List<PointFlowStats> out = new ArrayList<>();
    for (FlowState f : flows.values()) {
      out.add(f.stats(point, first, last, origin));
    }
    return out;
  }

  /** Pairing state of one flow. */
  private static final class FlowState {
    final String src;
    final String dst;
    final int id;
    final Map<Long, long[]> reqTimes = new LinkedHashMap<>();
    final Map<Long, long[]> repTimes = new LinkedHashMap<>();
    long duplicates;
    long reordered;
    int reqEpoch;
    int lastReqSeq = -1;
    int repEpoch;
    int lastRepSeq = -1;

    FlowState(String src, String dst, int id) {
      this.src = src;
      this.dst = dst;
      this.id = id;
    }

    void add(boolean req, int seq, Instant time) {
      long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
      long key;
      if (req) {
        reqEpoch += wrapped(lastReqSeq, seq) ? 1 : 0;
        reordered += lastReqSeq >= 0 && seq < lastReqSeq && !wrapped(lastReqSeq, seq) ? 1 : 0;
        lastReqSeq = seq;
        key = (long) reqEpoch << 16 | seq;
      } else {
        repEpoch += wrapped(lastRepSeq, seq) ? 1 : 0;
        reordered += lastRepSeq >= 0 && seq < lastRepSeq && !wrapped(lastRepSeq, seq) ? 1 : 0;
        lastRepSeq = seq;
        key = (long) repEpoch << 16 | seq;
      }
      Map<Long, long[]> m = req ? reqTimes : repTimes;
      if (m.containsKey(key)) {
        duplicates++;
      } else {
        m.put(key, new long[] {nanos});
      }
    }

    // 65535 -> 0 and nearby: a wrap, not reordering
    private static boolean wrapped(int previous, int seq) {
      return previous >= 0 && previous - seq > 32768;
    }

    PointFlowStats stats(String point, Instant first, Instant last, String origin) {
      long startEdge = first.plus(EDGE).getEpochSecond() * 1_000_000_000L + first.plus(EDGE).getNano();
      long endEdge = last.minus(EDGE).getEpochSecond() * 1_000_000_000L + last.minus(EDGE).getNano();
      List<Double> rtts = new ArrayList<>();
      long answered = 0;
      long unanswered = 0;
      long outside = 0;
      for (Map.Entry<Long, long[]> r : reqTimes.entrySet()) {
        long[] rep = repTimes.get(r.getKey());
        if (rep != null) {
          answered++;
          rtts.add(Math.max(0, rep[0] - r.getValue()[0]) / 1e6);
        } else if (r.getValue()[0] > endEdge) {
          outside++;
        } else {
          unanswered++;
        }
      }
      long orphans = 0;
      for (Map.Entry<Long, long[]> r : repTimes.entrySet()) {
        if (!reqTimes.containsKey(r.getKey())) {
          if (r.getValue()[0] <= startEdge) {
            outside++;
          } else {
            orphans++;
          }
        }
      }
      double[] sorted = rtts.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new PointFlowStats(point, src, dst, id, reqTimes.size(), repTimes.size(), answered, unanswered, outside, duplicates,
          orphans, reordered, sorted.length == 0 ? 0 : sorted[0], sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1], percentile(sorted, 0.50), percentile(sorted, 0.99),
          words(reqTimes), words(repTimes), origin);
    }

    private static List<Long> words(Map<Long, long[]> m) {
      BitSet b = new BitSet();
      m.keySet().forEach(k -> b.set((int) (k & 0x7fffffffL)));
      return Arrays.stream(b.toLongArray()).boxed().toList();
    }

    private static double percentile(double[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
  }
}
