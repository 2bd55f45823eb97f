package io.vmflow.report;

/**
 * One capture point and flow as the report shows it.
 *
 * @param point capture point (interface) name
 * @param flow {@code src > dst id N}
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
    String origin) {}
