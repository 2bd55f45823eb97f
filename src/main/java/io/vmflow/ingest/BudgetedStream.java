package io.vmflow.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes a decompressor yields against the compressed bytes read under it and the input's
 * total budget, and stops reading the moment either bound is crossed, so a bomb is refused after at
 * most a few megabytes of work rather than gigabytes.
 */
final class BudgetedStream extends FilterInputStream {

  /** Minimum expanded size before the ratio is enforced: tiny files compress extremely well. */
  private static final long RATIO_FLOOR = 8L << 20;

  private final AtomicLong compressed;
  private final AtomicLong total;
  private final IngestLimits limits;
  private final String origin;
  private long expanded;

  BudgetedStream(
      InputStream in, AtomicLong compressed, AtomicLong total, IngestLimits limits, String origin) {
    super(in);
    this.compressed = compressed;
    this.total = total;
    this.limits = limits;
    this.origin = origin;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      expanded += n;
      long all = total.addAndGet(n);
      if (all > limits.maxTotalBytes()) {
        throw new LimitExceeded(
            IngestCodes.TOO_LARGE,
            "expanded size of " + origin + " exceeds " + limits.maxTotalBytes() + " bytes");
      }
      long c = Math.max(1, compressed.get());
      if (expanded > RATIO_FLOOR && expanded > c * limits.maxRatio()) {
        throw new LimitExceeded(
            IngestCodes.BOMB_RATIO,
            "decompression bomb: "
                + origin
                + " expands "
                + expanded
                + " bytes from "
                + c
                + " (ratio over "
                + (long) limits.maxRatio()
                + ")");
      }
    }
    return n;
  }
}
