package io.vmflow.report;

import java.util.List;

/**
 * Which sequence numbers one capture point saw of one flow, bucketed so a capture of any length
 * draws in a bounded number of columns.
 *
 * @param firstSeq sequence number (across wraps) of the first bucket's start
 * @param bucket sequence numbers per bucket
 * @param requests per bucket, how many requests the point saw
 * @param replies per bucket, how many replies the point saw
 * @param port id of the VM port on whose path the point lies
 */
public record PointTimeline(
    String point,
    String flow,
    long firstSeq,
    long bucket,
    List<Integer> requests,
    List<Integer> replies,
    String port) {

  public PointTimeline {
    requests = List.copyOf(requests);
    replies = List.copyOf(replies);
  }

  /** Share of the bucket's sequence numbers seen, 0 to 1 (the last bucket may be partial). */
  public double share(int seen, int index, long lastSeq) {
    long size = Math.min(bucket, lastSeq - (firstSeq + index * bucket) + 1);
    return size <= 0 ? 0 : Math.min(1.0, (double) seen / size);
  }
}
