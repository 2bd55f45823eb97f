package io.vmflow.report;

import java.util.List;

/**
 * One capture point and flow as the report shows it.
 *
 * @param point capture point (interface) name
 * @param flow {@code src > dst id N}
 * @param rttHistogram answered echoes per RTT bucket (bounds in {@link RttBuckets#BOUNDS_MS})
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
    double rttMinMs,
    double rttAvgMs,
    double rttMaxMs,
    List<Long> rttHistogram,
    String origin,
    String port) {

  public PingRow {
    rttHistogram = List.copyOf(rttHistogram);
  }
}
