package io.vmflow.ping;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Buckets the sequence numbers each point saw of one flow into at most {@link #COLUMNS} columns.
 */
final class Timelines {

  static final int COLUMNS = 120;

  private Timelines() {}

  /** One timeline per point of {@code points}, in path order. */
  static List<Timeline> of(List<String> path, Map<String, PointFlowStats> points) {
    BitSet all = new BitSet();
    points
        .values()
        .forEach(
            p -> {
              all.or(p.requestSeqs());
              all.or(p.replySeqs());
            });
    List<Timeline> out = new ArrayList<>();
    if (all.isEmpty()) {
      return out;
    }
    // a stray echo from another capture session must not stretch the columns: keep the span
    // holding 99 % of the sequence numbers seen
    int n = all.cardinality();
    int first = nth(all, n / 200);
    int last = nth(all, n - 1 - n / 200);
    long bucket = Math.max(1, (last - first + COLUMNS) / COLUMNS);
    for (String device : path) {
      PointFlowStats s = points.get(device);
      if (s != null) {
        out.add(
            new Timeline(
                device,
                s.flow(),
                first,
                bucket,
                counts(s.requestSeqs(), first, last, bucket),
                counts(s.replySeqs(), first, last, bucket)));
      }
    }
    return out;
  }

  private static int nth(BitSet bits, int index) {
    int i = bits.nextSetBit(0);
    for (int k = 0; k < index && i >= 0; k++) {
      i = bits.nextSetBit(i + 1);
    }
    return Math.max(0, i);
  }

  private static List<Integer> counts(BitSet seen, int first, int last, long bucket) {
    List<Integer> out = new ArrayList<>();
    for (long start = first; start <= last; start += bucket) {
      int end = (int) Math.min(last + 1L, start + bucket);
      out.add(seen.get((int) start, end).cardinality());
    }
    return out;
  }
}
