package io.vmflow.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Counts bytes read from the raw (compressed) side of a stream, once each. */
final class CountingStream extends FilterInputStream {

  private final AtomicLong count;
  private long marked;

  CountingStream(InputStream in, AtomicLong count) {
    super(in);
    this.count = count;
  }

  // a gzip reader marks and resets to hand back what it read past a member's end: not read twice
  @Override
  public synchronized void mark(int readlimit) {
    super.mark(readlimit);
    marked = count.get();
  }

  @Override
  public synchronized void reset() throws IOException {
    super.reset();
    count.set(marked);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count.incrementAndGet();
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count.addAndGet(n);
    }
    return n;
  }
}
