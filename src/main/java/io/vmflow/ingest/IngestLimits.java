package io.vmflow.ingest;

/**
 * Bounds that keep hostile archives from exhausting disk, memory or time.
 *
 * @param maxTotalBytes expanded bytes over all entries of one input
 * @param maxEntryBytes expanded bytes of one entry
 * @param maxRatio expanded / compressed bytes of one compressed stream before it counts as a bomb
 * @param maxEntries entries over all archives of one input
 * @param maxDepth archives nested inside archives
 */
public record IngestLimits(
    long maxTotalBytes, long maxEntryBytes, double maxRatio, int maxEntries, int maxDepth) {

  /**
   * Lets a real 10 GB sosreport through (text compresses 5 to 50 times); refuses a 4 GiB all-zero
   * entry (gzip: about 1000 times) after reading a few megabytes.
   */
  public static IngestLimits defaults() {
    return new IngestLimits(64L << 30, 16L << 30, 200.0, 1_000_000, 8);
  }
}
