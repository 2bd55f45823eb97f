package io.vmflow.report;

import java.util.ArrayList;
import java.util.List;

/** The RTT histogram's buckets as the VM page labels and scales them. */
public final class RttBuckets {

  /** Upper bounds in ms; same as the ping stage's. */
  public static final double[] BOUNDS_MS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500};

  private RttBuckets() {}

  /** {@code "<0.1"}, {@code "0.1–0.2"}, ..., {@code "≥500"}. */
  public static List<String> labels() {
    List<String> out = new ArrayList<>();
    out.add("<" + fmt(BOUNDS_MS[0]));
    for (int i = 1; i < BOUNDS_MS.length; i++) {
      out.add(fmt(BOUNDS_MS[i - 1]) + "–" + fmt(BOUNDS_MS[i]));
    }
    out.add("≥" + fmt(BOUNDS_MS[BOUNDS_MS.length - 1]));
    return out;
  }

  /** Bucket counts summed over every point and flow of a VM. */
  public static List<Long> total(List<PingRow> rows) {
    long[] sum = new long[BOUNDS_MS.length + 1];
    for (PingRow r : rows) {
      for (int i = 0; i < Math.min(sum.length, r.rttHistogram().size()); i++) {
        sum[i] += r.rttHistogram().get(i);
      }
    }
    List<Long> out = new ArrayList<>();
    for (long v : sum) {
      out.add(v);
    }
    return out;
  }

  private static String fmt(double ms) {
    return ms == Math.rint(ms) ? Long.toString((long) ms) : Double.toString(ms);
  }
}
