package io.vmflow.ping;

import java.util.List;

/**
 * Which sequence numbers one capture point saw of one flow, bucketed so a capture of any length
 * draws in a bounded number of columns.
 *
 * @param firstSeq sequence number (across wraps) of the first bucket's start
 * @param bucket sequence numbers per bucket
 * @param requests per bucket, how many requests the point saw
 * @param replies per bucket, how many replies the point saw
 */
public record Timeline(
    String point,
    String flow,
    long firstSeq,
    long bucket,
    List<Integer> requests,
    List<Integer> replies) {

  public Timeline {
    requests = List.copyOf(requests);
    replies = List.copyOf(replies);
  }
}
