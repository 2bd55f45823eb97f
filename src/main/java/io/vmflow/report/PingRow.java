package io.vmflow.report;

import java.util.List;

/**
 * One capture point and flow as the report shows it.
 *
 * @param point capture point (interface) name
 * @param flow {@code src > dst id N}
 * @param rttHistogram answered echoes per RTT bucket (bounds in {@link RttBuckets#BOUNDS_MS})
 * @param rttMinMs null when no reply was seen (no round trip to measure); likewise avg and max
 * @param port id of the VM port on whose path the point lies
 */
public record PingRow(
    String point,
    String flow,
    String src,
    String dst,
    int id,
    long requests,
    long replies,
    long answered,
    long unanswered,
    long outsideWindow,
    long duplicates,
    Double rttMinMs,
    Double rttAvgMs,
    Double rttMaxMs,
    List<Long> rttHistogram,
    String origin,
    String port) {

  public PingRow {
    rttHistogram = List.copyOf(rttHistogram);
  }

  /** "0.120 / 0.250 / 0.900", or "—" without replies. */
  public String rtt() {
    return rttMinMs == null
        ? "\u2014"
        : String.format(java.util.Locale.ROOT, "%.3f / %.3f / %.3f", rttMinMs, rttAvgMs, rttMaxMs);
  }
}
