package io.vmflow.parse;

/**
 * {@code ovs-appctl fdb/stats-show <bridge>}: the size, limit and churn of one bridge's MAC table.
 *
 * @param bridge the bridge as the output names it, "" when only the file name says it
 * @param current entries now; {@code maximum} the table's limit (other_config:mac-table-size)
 * @param evicted entries pushed out to make room since the bridge started: a full table evicts
 * @param line the {@code Current/maximum} line
 */
public record OvsAppctlFdbStatsShow(
    String bridge,
    long current,
    long maximum,
    long learned,
    long expired,
    long evicted,
    long moved,
    int line,
    int evictedLine)
    implements ParsedRecord {

  public OvsAppctlFdbStatsShow {
    bridge = bridge == null ? "" : bridge;
  }

  /** True when the table holds as many entries as it may: new MACs evict learned ones. */
  public boolean isFull() {
    return maximum > 0 && current >= maximum;
  }
}
