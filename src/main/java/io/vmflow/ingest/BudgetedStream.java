package io.vmflow.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts the bytes a decompressor yields against the compressed bytes read under it (one member),
 * against the bytes read from the input file on disk (all nesting levels together) and against the
 * input's total budget, and stops reading the moment any bound is crossed, so a bomb, nested or
 * not, is refused after at most a few megabytes of work rather than gigabytes.
 */
final class BudgetedStream extends FilterInputStream {

  /** Minimum expanded size before the ratio is enforced: tiny files compress extremely well. */
  private static final long RATIO_FLOOR = 8L << 20;

  private final LongSupplier compressed;
  private final InputWalk walk;
  private final String origin;
  private long expanded;

  BudgetedStream(InputStream in, LongSupplier compressed, InputWalk walk, String origin) {
    super(in);
    this.compressed = compressed;
    this.walk = walk;
    this.origin = origin;
  }

  BudgetedStream(InputStream in, AtomicLong compressed, InputWalk walk, String origin) {
    this(in, compressed::get, walk, origin);
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
      check(walk.total.addAndGet(n));
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipped bytes are decompressed all the same: count them through read
    byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  private void check(long all) throws LimitExceeded {
    IngestLimits limits = walk.limits();
    if (all > limits.maxTotalBytes()) {
      throw new LimitExceeded(
          IngestCodes.TOO_LARGE,
          "expanded size of " + origin + " exceeds " + limits.maxTotalBytes() + " bytes");
    }
    if (expanded <= RATIO_FLOOR) {
      return;
    }
    long onDisk = Math.max(1, walk.raw.get());
    if (expanded > onDisk * limits.maxRatio()) {
      throw bomb(
          IngestCodes.BOMB_NESTED,
          "expands "
              + expanded
              + " bytes from "
              + onDisk
              + " bytes of the input file, counted over all nesting levels");
    }
    long member = Math.max(1, compressed.getAsLong());
    if (expanded > member * limits.maxRatio()) {
      throw bomb(IngestCodes.BOMB_RATIO, "expands " + expanded + " bytes from " + member);
    }
  }

  private LimitExceeded bomb(String code, String what) {
    return new LimitExceeded(
        code,
        "decompression bomb: "
            + origin
            + " "
            + what
            + " (ratio over "
            + (long) walk.limits().maxRatio()
            + ")");
  }
}
