package io.vmflow.ingest;

/**
 * Bounds that keep hostile archives from exhausting disk, memory or time. Each bound reached is a
 * finding that says what was cut.
 *
 * @param maxTotalBytes expanded bytes over all entries of one input
 * @param maxEntryBytes expanded bytes of one entry
 * @param maxRatio expanded / compressed bytes of one compressed stream, and of any nesting level
 *     against the bytes of the input file, before it counts as a bomb
 * @param maxEntries entries over all archives of one input
 * @param maxDepth archives nested inside archives
 * @param maxLineBytes bytes of one text line kept; the rest of the line is cut
 */
public record IngestLimits(
    long maxTotalBytes,
    long maxEntryBytes,
    double maxRatio,
    int maxEntries,
    int maxDepth,
    long maxLineBytes) {

  /** Default line cap: 1 MiB, far above any real command output line. */
  public static final long MAX_LINE_BYTES = 1L << 20;

  public IngestLimits(
      long maxTotalBytes, long maxEntryBytes, double maxRatio, int maxEntries, int maxDepth) {
    this(maxTotalBytes, maxEntryBytes, maxRatio, maxEntries, maxDepth, MAX_LINE_BYTES);
  }

  /**
   * Lets a real 10 GB sosreport through (text compresses 5 to 50 times); refuses a 4 GiB all-zero
   * entry (gzip: about 1000 times), or a nested bomb, after reading a few megabytes.
   */
  public static IngestLimits defaults() {
    return new IngestLimits(64L << 30, 16L << 30, 200.0, 1_000_000, 8, MAX_LINE_BYTES);
  }
}
